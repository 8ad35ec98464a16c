"""The story's sections set in sibling boxes of one kind, which trafilatura takes one of."""

from __future__ import annotations

from lxml.etree import Element, SubElement

from crawler.demo.stories import make_stories
from crawler.extraction.extract import ArticleExtractor
from crawler.extraction.htmltree import parse_html
from crawler.extraction.sections import restore, story_boxes

STORY = make_stories(3)[2]
FIRST, SECOND, THIRD, FOURTH, FIFTH, *_ = STORY.paragraphs
KIND = "container-fluid headline-with-text"  # a page builder's section, as on fluessiggas.de


def box(heading: str, *paragraphs: str, kind: str = KIND) -> str:
    return (
        f"<div class='{kind}'><h2>{heading}</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</div>"
    )


TABLE = "<div class='container-fluid near-table'><table><tr><td>12</td></tr></table></div>"


def page(*boxes: str, around: str = "{}") -> str:
    inner = "".join(boxes)
    return f"<html><body><h1>{STORY.title}</h1>{around.format(inner)}</body></html>"


def result(*paragraphs: str, heading: str | None = None) -> Element:
    """trafilatura's result as it took the page: the heading and paragraphs of one box."""
    body = Element("body")
    if heading is not None:
        SubElement(body, "head", rend="h2").text = heading
    for paragraph in paragraphs:
        SubElement(body, "p").text = paragraph
    return body


def lines(body: Element) -> list[str]:
    return ["".join(child.itertext()) for child in body]


def test_the_boxes_of_the_kept_ones_kind_come_back_in_the_pages_order() -> None:
    html = page(
        box("How it began", FIRST),
        TABLE,  # a box of another kind between two sections does not part them
        box("What the council decided", SECOND, THIRD),
        TABLE,
        box("Who pays", FOURTH),
    )
    body = result(SECOND, THIRD, heading="What the council decided")
    assert restore(body, story_boxes(parse_html(html)))
    assert lines(body) == [
        "How it began", FIRST, "What the council decided", SECOND, THIRD, "Who pays", FOURTH,
    ]  # fmt: skip
    assert [child.tag for child in body][:2] == ["head", "p"]


def test_text_set_in_the_box_itself_is_a_paragraph() -> None:
    modules = "".join(f"<div class='textmodul'>{text}</div>" for text in (FIRST, SECOND))
    body = result(FIRST)
    assert restore(body, story_boxes(parse_html(page(modules))))
    assert lines(body) == [FIRST, SECOND]


def test_boxes_of_another_use_stay_out() -> None:
    card = (
        f"<div class='{KIND}'><a href='/other'><h3>Another story's headline</h3></a>"
        f"<p>{FIFTH}</p></div>"
    )
    links = " ".join(f"<a href='/s{i}'>Section {i} of the paper</a>" for i in range(30))
    menu = f"<div class='{KIND}'><p>{links}</p><p>{FIFTH}</p></div>"
    cases = {
        "another story's card": page(box("Story", SECOND), card),
        "a menu": page(box("Story", SECOND), menu),
        "after a box without prose": page(
            box("Story", SECOND), box("Most read"), box("Elsewhere", FIFTH)
        ),
        "in the comments": page(
            box("Story", SECOND), box("Reader", FIFTH), around="<div class='comments'>{}</div>"
        ),
        "in a form": page(box("Story", SECOND), box("Report", FIFTH), around="<form>{}</form>"),
        "of a kind named for related stories": page(
            box("Story", SECOND, kind="related-story"), box("More", FIFTH, kind="related-story")
        ),
    }
    for case, html in cases.items():
        body = result(SECOND)
        restore(body, story_boxes(parse_html(html)))
        assert lines(body) == [SECOND], case


def test_a_kind_whose_kept_prose_is_little_of_the_text_is_not_the_storys() -> None:
    """Two captions of one kind, one kept beside a story set elsewhere: not the story's kind."""
    captions = "".join(f"<div class='caption-box'><p>{text}</p></div>" for text in (FIFTH, FOURTH))
    body = result(FIRST, SECOND, THIRD, FIFTH)
    assert not restore(body, story_boxes(parse_html(page(captions))))
    assert lines(body) == [FIRST, SECOND, THIRD, FIFTH]


def test_the_extractor_puts_back_the_sections_trafilatura_left_after_the_first() -> None:
    """trafilatura takes the first box named "article-body" of three: the others come back,
    each paragraph once, in the page's order, under its subheading."""
    paragraphs = STORY.paragraphs

    def section(heading: str, *texts: str) -> str:
        return (
            f"<div class='article-body'><h2>{heading}</h2>"
            + "".join(f"<p>{text}</p>" for text in texts)
            + "</div>"
        )

    first = ["KIEL, 3 May<br>" + paragraphs[0], *paragraphs[1:4]]
    html = page(
        section("How it began", *first),
        section("What was decided", *paragraphs[4:6]),
        section("Who pays", *paragraphs[6:]),
    )
    found = ArticleExtractor()(html.encode(), "http://127.0.0.1:8000/news/a.html")
    assert found is not None
    text = found.text
    assert all(text.count(paragraph) == 1 for paragraph in paragraphs)
    places = [text.index(paragraph) for paragraph in paragraphs]
    assert places == sorted(places)
    assert text.index("What was decided") < text.index(paragraphs[4])
    assert text.index("Who pays") < text.index(paragraphs[6])
