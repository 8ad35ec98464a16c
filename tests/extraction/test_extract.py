"""Extraction on single pages: what is kept, what is cut, and what the page says about itself."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import UTC, datetime

from crawler.demo.site import article_page, video_page
from crawler.demo.stories import Story, make_stories
from crawler.extraction.assemble import assemble_article
from crawler.extraction.extract import ArticleExtractor, captions_of
from crawler.extraction.htmltree import parse_html
from crawler.extraction.pagecuts import form_fields, gallery_slides, teaser_cards
from crawler.extraction.reconcile import as_printed, with_headings, with_lead, with_paragraphs
from crawler.items import Page

URL = "http://127.0.0.1:8000/news/a.html"
extract = ArticleExtractor()


def bare_page(story: Story, wrap: str = "{}", after_head: str = "") -> bytes:
    """The story alone in a plain page: a title, an h1 and its paragraphs."""
    paragraphs = "".join(f"<p>{p}</p>" for p in story.paragraphs)
    return (
        f"<html lang='en'><head><title>{story.title}</title></head>{after_head}<body><article>"
        f"<h1>{story.title}</h1>{wrap.format(paragraphs)}</article></body></html>"
    ).encode()


def test_article_text_and_metadata_come_from_the_page() -> None:
    story = make_stories(1)[0]
    found = extract(article_page(story).encode(), URL, "text/html; charset=utf-8")
    assert found is not None
    for paragraph in story.paragraphs:
        assert paragraph in found.text
    assert "Subscribe now" not in found.text and "WhatsApp" not in found.text
    assert (found.title, found.authors, found.language) == (story.title, story.authors, "en")
    assert found.date == story.published.isoformat()  # the day, with the page's own time
    assert found.canonical_url == f"http://127.0.0.1:8000{story.path}"


def test_a_premium_article_wrapped_in_a_paywall_element_is_kept() -> None:
    story = make_stories(2)[1]
    found = extract(bare_page(story, wrap="<div class='paywall-content'>{}</div>"), URL)
    assert found is not None
    assert story.paragraphs[-1] in found.text


def test_paragraphs_marked_for_the_paywall_are_the_story_and_the_walls_own_box_goes() -> None:
    story = make_stories(2)[1]
    paragraphs = "".join(f"<p class='paywall'>{p}</p>" for p in story.paragraphs[1:])
    wall = "<p class='paywall'>Subscribe to continue reading this story.</p>"
    page = bare_page(story, wrap=f"<p>{story.paragraphs[0]}</p>{paragraphs}{wall}<!--{{}}-->")
    found = extract(page, URL)
    assert found is not None
    assert all(paragraph in found.text for paragraph in story.paragraphs)
    assert "continue reading" not in found.text and found.paywall_box


def test_paragraphs_wrapped_for_subscribers_one_by_one_are_the_story() -> None:
    """TownNews' BLOX wraps each paragraph: the first ones for all, the rest for subscribers."""
    story = make_stories(2)[1]
    shown, *hidden = story.paragraphs
    heading = "<div class='subscriber-only'><h2>What the council decided</h2></div>"
    paragraphs = f"<div class='subscriber-preview'><p>{shown}</p></div>{heading}" + "".join(
        f"<div class='subscriber-only'><p>{p}</p></div>" for p in hidden
    )
    wall = "<div class='subscriber-only'><p>Subscribe to continue reading.</p></div>"
    found = extract(bare_page(story, wrap=paragraphs + wall + "<!--{}-->"), URL)
    assert found is not None
    assert all(paragraph in found.text for paragraph in story.paragraphs)
    assert "What the council decided" in found.text
    assert "continue reading" not in found.text


def test_a_publishers_body_is_taken_once_with_the_pages_subheadings_and_no_placeholders() -> None:
    story = make_stories(3)[2]
    first, *rest = story.paragraphs
    subheading = "What the council decided"
    placeholder = "To view this video please enable JavaScript, and consider upgrading"
    body = "\n".join([first, placeholder, *rest])
    ld = json.dumps({"@type": "NewsArticle", "headline": story.title, "articleBody": body + body})
    paragraphs = "".join(f"<p>{p}</p>" for p in rest)
    page = (
        f"<html lang='en'><head><title>{story.title}</title>"
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>{story.title}</h1><p>{first}</p><h2>{subheading}</h2>{paragraphs}"
        "</article></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None and found.text_source == "jsonld"
    assert [found.text.count(paragraph) for paragraph in story.paragraphs] == [1] * len(
        story.paragraphs
    )
    assert f"{subheading}\n{rest[0]}" in found.text
    assert "JavaScript" not in found.text


def test_a_publishers_body_with_its_markup_escaped_is_read_as_text() -> None:
    story = make_stories(3)[2]
    first, *rest = story.paragraphs
    figure = (  # escaped once more than JSON needs: "&lt;div&gt;" in the body's string
        "&lt;div align=&quot;center&quot;&gt;&lt;img src=&quot;https://gazette.example/a.jpg"
        "&quot; alt=&quot;The quay&quot; /&gt;&lt;/div&gt;"
    )
    body = "\r\n\r\n".join([first, figure, *(f"&lt;p&gt;{p}&lt;/p&gt;" for p in rest)])
    ld = json.dumps({"@type": "NewsArticle", "headline": story.title, "articleBody": body})
    page = (
        f"<html lang='en'><head><title>{story.title}</title>"
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>{story.title}</h1>"
        + "".join(f"<p>{p}</p>" for p in story.paragraphs)
        + "</article></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None
    assert all(found.text.count(paragraph) == 1 for paragraph in story.paragraphs)
    assert "<" not in found.text and "&lt;" not in found.text and "a.jpg" not in found.text


def test_a_summary_in_points_before_a_publishers_body_stays_and_the_body_is_not_doubled() -> None:
    story = make_stories(4)[3]
    first, *rest = story.paragraphs
    # the body's own words, in the summary's own order
    points = [" ".join(reversed(first.split()[:14])), " ".join(reversed(rest[0].split()[:16]))]
    body = "\n".join(story.paragraphs)
    ld = json.dumps({"@type": "NewsArticle", "headline": story.title, "articleBody": body})
    page = (
        f"<html lang='en'><head><title>{story.title}</title>"
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>{story.title}</h1><ul>{''.join(f'<li>{p}</li>' for p in points)}</ul>"
        + "".join(f"<p>{p}</p>" for p in story.paragraphs)
        + "</article></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None and found.text_source == "jsonld"
    assert all(point in found.text for point in points)
    assert found.text.count(first.split(".")[0]) == 1


def test_a_publishers_body_joins_the_text_without_doubling_or_misplacing_paragraphs() -> None:
    story = make_stories(5)[4]
    first, second, *rest = story.paragraphs
    body = "\n".join(story.paragraphs)
    # trafilatura's copy of the first paragraph has a dateline before it and a credit after
    extracted = "\n".join([f"Berlin. {first} Foto: dpa", second, *rest])
    assert with_lead(body, extracted).count(first) == 1
    # a subheading goes before the paragraph it heads, not one that begins alike
    twin = " ".join(second.split()[:6]) + " and the rest differs entirely from the other one."
    body = "\n".join([first, twin, second])
    placed = with_headings(body, "\n".join([first, twin, "Schools", second]), ["Schools"])
    assert placed == body  # two paragraphs begin alike: the place is not known
    body = "\n".join([first, twin, second, rest[0]])
    extracted = "\n".join([first, twin, second, "Schools", rest[0]])
    placed = with_headings(body, extracted, ["Schools"])
    assert placed.split("\n") == [first, twin, second, "Schools", rest[0]]


def test_a_publishers_body_in_one_block_is_cut_where_the_pages_paragraphs_begin() -> None:
    """The Los Angeles Times types its body's apostrophes plain where the page prints them
    curly: the paragraphs are found all the same."""
    paragraphs = [
        "The merger of the two newspaper chains became final on Tuesday in New York.",
        "That’s the optimistic view of the company’s chief executive, at least.",
        "“We have listened carefully,” the chairman said to the investors.",
    ]
    body = " ".join(paragraphs).translate(str.maketrans("’“”", '\'""'))
    assert with_paragraphs(body, "\n".join(paragraphs)).split("\n") == body.replace(
        ". ", ".\n"
    ).split("\n")
    # and each paragraph the page has word for word is taken as the page prints it
    cut = with_paragraphs(body, "\n".join(paragraphs))
    assert as_printed(cut, "\n".join(paragraphs)).split("\n") == paragraphs
    assert as_printed(cut + "\nA paragraph of the body alone.", "\n".join(paragraphs)).endswith(
        "\nA paragraph of the body alone."
    )


def test_a_publishers_body_in_one_block_is_cut_where_the_pages_paragraphs_end_too() -> None:
    """What the body holds between two of the page's paragraphs (a box of another story set
    inline) stands apart, where the line rules judge it; a sentence that the end of a shorter
    paragraph of the page happens to end alike is not cut."""
    first = "The quay will be rebuilt over three years, the harbour board decided on Monday."
    second = "Ferries will use a temporary pier in the meantime, the board said."
    box = "Related story Ferry fares rise again in spring Ann Writer The board meets"
    body = f"{first} {box}{second}"
    assert with_paragraphs(body, f"{first}\n{second}").split("\n") == [first, box, second]
    sentence = f"{first.removesuffix('.')}, after a long debate. {second}"
    assert with_paragraphs(sentence, f"{first.removesuffix('.')}\n{second}").split("\n") == [
        f"{first.removesuffix('.')}, after a long debate.",
        second,
    ]


def test_a_publishers_body_of_placeholders_is_not_taken_for_the_text() -> None:
    story = make_stories(2)[0]
    notice = "To view this video please enable JavaScript, and consider upgrading. " * 3
    ld = json.dumps({"@type": "NewsArticle", "headline": story.title, "articleBody": notice})
    page = bare_page(story, after_head=f"<script type='application/ld+json'>{ld}</script>")
    found = extract(page, URL)
    assert found is not None and found.text_source == "trafilatura"
    assert story.paragraphs[0] in found.text


def test_a_page_whose_script_draws_the_story_is_read_from_its_publishers_body() -> None:
    """The page shows its headline and standfirst, and an empty box that a script fills in the
    browser: its JSON-LD body is the story's only text, taken when its headline is the page's."""
    story = make_stories(2)[0]
    standfirst = (
        "Hearings on the harbour plan went on into the night. The council will vote on it in "
        "the spring, once the regional government has had its say on the costs, the jobs it "
        "promises and the ferry terminal."
    )

    def page(headline: str) -> bytes:
        body = "\n".join(story.paragraphs)
        ld = json.dumps({"@type": "NewsArticle", "headline": headline, "articleBody": body})
        return (
            f"<html lang='en'><head><title>{story.title}</title>"
            f"<script type='application/ld+json'>{ld}</script></head><body><article>"
            f"<h1>{story.title}</h1><p>{standfirst}</p><div id='app' data-story='123'></div>"
            "</article><script src='/bundle.js'></script></body></html>"
        ).encode()

    found = extract(page(story.title), URL)
    assert found is not None and found.text_source == "jsonld"
    assert all(paragraph in found.text for paragraph in story.paragraphs)
    # a template's node of another story stays set aside: the page's own words are the text
    found = extract(page(make_stories(3)[2].title), URL)
    assert found is not None and found.text_source == "trafilatura"
    assert story.paragraphs[0] not in found.text and standfirst in found.text


def test_a_publishers_body_worse_than_the_pages_text_is_not_taken() -> None:
    """The Financial Times' articleBody: lines broken at 80 characters, and words run together
    where the page has links ("inNintendo's"). The page's paragraphs are the better text."""
    story = make_stories(2)[0]
    page_text = " ".join(story.paragraphs)
    wrapped = textwrap.fill(page_text, 80)
    glued = re.sub(r"\b([a-z]+) ([A-Z][a-z])", r"\1\2", page_text, count=5)  # "onMonday"

    def found_for(body: str) -> str:
        ld = json.dumps({"@type": "NewsArticle", "headline": story.title, "articleBody": body})
        page = bare_page(story, after_head=f"<script type='application/ld+json'>{ld}</script>")
        found = extract(page, URL)
        assert found is not None and story.paragraphs[0] in found.text
        return found.text_source

    assert found_for("\n".join(story.paragraphs)) == "jsonld"
    assert wrapped.count("\n") >= 8 and found_for(wrapped) == "trafilatura"
    quoted = wrapped.replace("\n", " ", 2)  # a line or two wider: a pull quote run in
    assert max(map(len, quoted.split("\n"))) > 100 and found_for(quoted) == "trafilatura"
    assert glued.count(" ") < page_text.count(" ") - 2 and found_for(glued) == "trafilatura"


def test_a_pitch_named_for_the_paywall_still_goes() -> None:
    story = make_stories(2)[1]
    cta = "<p class='paywall-cta'>Get unlimited digital access for just $1 a week.</p>"
    found = extract(bare_page(story, wrap="{}" + cta), URL)
    assert found is not None and "unlimited digital access" not in found.text
    # a box named "paywall" is the wall's, though paragraphs so named are the story's
    box = (
        "<div class='paywall'><h3>Enjoy unlimited articles</h3><p>Get unlimited digital "
        "access for just $1 a week and support local journalism.</p></div>"
    )
    found = extract(bare_page(story, wrap="{}" + box), URL)
    assert found is not None and "unlimited digital access" not in found.text


def test_a_video_page_has_too_little_text_to_be_an_article() -> None:
    found = extract(video_page().encode(), URL)
    assert found is None or len(found.text) < 200


def test_empty_and_blank_pages_have_no_article() -> None:
    assert extract(b"", URL) is None
    assert extract(b"   \n ", URL) is None
    assert extract(b"<html><body></body></html>", URL) is None


def test_the_feed_fills_what_the_page_lacks_and_refines_its_date() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2026-11-20'></head><body>"
        "<article><p>"
        + "A long paragraph about the harbour and the city council. " * 8
        + "</p></article></body></html>"
    )
    found = extract(html.encode(), URL)
    assert found is not None
    page = Page(
        url=URL,
        body=b"",
        content_type=None,
        content_language="de-DE",
        source={"type": "feed", "url": "http://127.0.0.1:8000/feed.xml"},
        hints={
            "title": "From the feed",
            "authors": ["Feed Author"],
            "published": "2026-11-20T07:45:00+00:00",
            "tags": ["Harbour"],
        },
        fetched_at=datetime(2026, 11, 27, tzinfo=UTC).isoformat(),
    )
    article = assemble_article(page, found)
    assert article.title == "From the feed"
    assert article.authors == ["Feed Author"]
    assert article.published == "2026-11-20T07:45:00+00:00"
    assert article.tags == ["Harbour"]
    assert article.canonical_url == URL


def test_the_page_date_wins_over_a_feed_date_of_another_day() -> None:
    from crawler.extraction.reconcile import best_date

    assert best_date([("page", "2026-11-19"), ("feed", "2026-11-20T07:45:00+00:00")]) == (
        "2026-11-19",
        "page",
    )
    assert best_date([("page", None), ("feed", "2026-11-20T07:45:00+00:00")]) == (
        "2026-11-20T07:45:00+00:00",
        "feed",
    )


def test_language_comes_from_the_markup_or_the_header() -> None:
    story = Story(
        slug="x",
        section="politics",
        title="Titel",
        lead="L",
        authors=["A"],
        paragraphs=["Ein langer Absatz über den Hafen und die Stadt. " * 6] * 3,
        published=datetime(2026, 11, 20, tzinfo=UTC),
        language="de-AT",
    )
    assert extract(article_page(story).encode(), URL).language == "de"
    bare = article_page(story).replace('<html lang="de-AT">', "<html>").encode()
    assert extract(bare, URL, content_language="fr-CH").language == "fr"


def test_meta_tags_in_a_stray_second_head_are_read() -> None:
    # libxml2 keeps a second <head> as its own element; its tags are the page's all the same.
    story = make_stories(1)[0]
    second_head = (
        f"<head><meta property='article:published_time' content='{story.published.isoformat()}'>"
        f"<link rel='canonical' href='{story.path}'></head>"
    )
    found = extract(bare_page(story, after_head=second_head), URL)
    assert found is not None
    assert found.date == story.published.isoformat()
    assert found.canonical_url == f"http://127.0.0.1:8000{story.path}"


def test_hidden_microdata_goes_and_a_metered_storys_hidden_paragraphs_stay() -> None:
    story = make_stories(2)[1]
    first, *rest = story.paragraphs
    behind_wall = "".join(f"<p>{p}</p>" for p in rest[1:])
    machines = (  # schema.org microdata set out for machines, never shown
        "<div style='display: none' itemscope itemtype='http://schema.org/NewsArticle'>"
        f"<h1 itemprop='name'>{story.title}</h1>"
        "<div itemprop='datePublished'>2019-11-19T08:57:40+01:00</div>"
        "<div itemprop='publisher' itemscope><div itemprop='name'>GazetteDe</div>"
        "<span itemprop='url'>https://gazette.example/logo.png</span></div>"
        f"<div itemprop='articleBody'>{' '.join(story.paragraphs)}</div></div>"
    )
    page = (
        f"<html lang='en'><head><title>{story.title}</title></head><body>"
        f"<div class='content'><h1>{story.title}</h1><p>{first}</p><p>{rest[0]}</p>"
        f"<div class='paywall' hidden>{behind_wall}</div></div>{machines}</body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None
    for paragraph in story.paragraphs:
        assert found.text.count(paragraph) == 1, paragraph
    assert "logo.png" not in found.text and "GazetteDe" not in found.text
    assert "2019-11-19" not in found.text
    # the rest of a metered story, in hidden microdata of words of its own, stays
    metered = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><nav>"
        + "".join(f"<a href='/s{n}'>Section number {n}</a>" for n in range(150))
        + f"</nav><article><h1>{story.title}</h1><p>{first}</p>"
        f"<div itemprop='articleBody' hidden>{behind_wall}</div></article></body></html>"
    ).encode()
    found = extract(metered, URL)
    assert found is not None and all(p in found.text for p in rest[1:])
    # the story itself, marked up and hidden until a script shows it, stays
    hidden_story = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><nav>Home</nav>"
        "<article style='display:none' itemscope itemtype='http://schema.org/NewsArticle'>"
        f"<h1 itemprop='headline'>{story.title}</h1>"
        + "".join(f"<p>{p}</p>" for p in story.paragraphs)
        + "</article></body></html>"
    ).encode()
    found = extract(hidden_story, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)


def test_the_next_story_an_endless_page_appends_goes_and_h1_subheadings_stay() -> None:
    story, following = make_stories(3)[1:]
    own = "".join(f"<p>{p}</p>" for p in story.paragraphs[:3])
    appended = "".join(f"<p>{p}</p>" for p in following.paragraphs)  # longer than the page's
    page = (
        f"<html lang='en'><head><title>{story.title} - The Gazette</title></head><body>"
        f"<div id='main'><article><h1>{story.title}</h1><div class='body'>{own}</div></article>"
        f"<article><h1>{following.title}</h1><p>6 May 2022 05:14</p><div class='body'>"
        f"{appended}</div></article></div></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None
    assert all(p in found.text for p in story.paragraphs[:3])
    assert not any(p in found.text for p in following.paragraphs)
    # the next story preloaded hidden, in microdata of its own: dropped once, no crash
    preloaded = page.replace(
        f"<article><h1>{following.title}".encode(),
        f"<article itemscope hidden><h1>{following.title}".encode(),
    )
    found = extract(preloaded, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs[:3])
    # a header in an article of its own, the story in the next with an <h1> subheading
    split = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><div id='main'>"
        f"<article><h1>{story.title}</h1><p>By Ann Writer</p></article><article>"
        f"<h1>What the council decided then</h1>{''.join(f'<p>{p}</p>' for p in story.paragraphs)}"
        "</article></div></body></html>"
    ).encode()
    found = extract(split, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)
    # a live blog whose entries are articles with their own <h1> keeps them
    entries = "".join(
        f"<article><h1>Update {n}: the quay at {n} o'clock</h1><p>{p}</p></article>"
        for n, p in enumerate(following.paragraphs, 1)
    )
    live = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><div id='main'>"
        f"<article><h1>{story.title}</h1><p>{story.paragraphs[0]}</p></article>{entries}"
        "</div></body></html>"
    ).encode()
    found = extract(live, URL)
    assert found is not None and sum(p in found.text for p in following.paragraphs) >= 4
    # a blog's subheadings set in <h1> inside its one article are the story's
    subheaded = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><article>"
        f"<h1>{story.title}</h1><p>{story.paragraphs[0]}</p><h1>What the council decided then</h1>"
        + "".join(f"<p>{p}</p>" for p in story.paragraphs[1:])
        + "</article></body></html>"
    ).encode()
    found = extract(subheaded, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)


def test_a_stream_of_other_stories_cards_beside_the_story_goes() -> None:
    """Cards of other stories in the story's container (a linked headline, a teaser without
    links), which trafilatura takes for the story's paragraphs: gone. A numbered listicle's
    items, a gallery's slides and an index of cards with no story beside them stay."""
    story, *others = make_stories(6)
    cards = "".join(
        f"<li><h3><a href='/news/{n}.html'>{other.title}</a></h3><p>{other.paragraphs[0]}</p></li>"
        for n, other in enumerate(others)
    )
    own = "".join(f"<p>{p}</p>" for p in story.paragraphs)

    def page(inside: str) -> bytes:
        return (
            f"<html lang='en'><head><title>{story.title}</title></head><body><div id='main'>"
            f"<h1>{story.title}</h1>{inside}</div></body></html>"
        ).encode()

    found = extract(page(f"{own}<ul class='stream'>{cards}</ul>"), URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)
    assert not any(other.paragraphs[0] in found.text for other in others)
    # cards set as small articles, headlines after a kicker
    kicked = cards.replace("<li><h3>", "<li><article><h3>Harbour: ").replace(
        "</li>", "</article></li>"
    )
    found = extract(page(f"{own}<div class='stream'>{kicked}</div>"), URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)
    assert not any(other.paragraphs[0] in found.text for other in others)
    # cards whose teaser is a block of text alone, not a paragraph
    excerpts = "".join(
        f"<article><header><h5><a href='/news/{n}.html'>{other.title}</a></h5>"
        f"<time>March {n + 1}, 2017</time></header>"
        f"<div class='excerpt'>{other.paragraphs[0]}</div></article>"
        for n, other in enumerate(others)
    )
    streamed = parse_html(page(f"{own}<div class='stream'>{excerpts}</div>").decode())
    assert [card.tag for card in teaser_cards(streamed)] == ["article"] * 5
    numbered = cards.replace("'>", "'>1. ", 1)
    for n in range(2, 6):
        numbered = numbered.replace(f"/news/{n - 1}.html'>", f"/news/{n - 1}.html'>{n}. ", 1)
    listicle = extract(page(f"{own}<ul>{numbered}</ul>"), URL)
    assert listicle is not None
    assert sum(other.paragraphs[0] in listicle.text for other in others) >= 4
    # a gallery's slides, each headline linked to its picture: a picture's caption
    slides = cards.replace("<h3>", "<figure><h3>").replace("<p>", "<figcaption><p>")
    slides = slides.replace("</p>", "</p></figcaption></figure>")
    assert teaser_cards(parse_html(page(f"{own}<ul>{slides}</ul>").decode())) == []
    assert len(teaser_cards(parse_html(page(f"{own}<ul>{cards}</ul>").decode()))) == 5
    # the story's own sections, their headlines linked to themselves
    sections = "".join(
        f"<section id='s{n}'><h2><a href='#s{n}'>{other.title}</a></h2>"
        f"<p>{other.paragraphs[0]}</p></section>"
        for n, other in enumerate(others)
    )
    assert teaser_cards(parse_html(page(f"{own}{sections}").decode())) == []
    # a listicle's numbered items stay beside a box of cards in a wrapper of the same name
    items = "".join(
        f"<div class='item'><h3><a href='/p{n}'>{n}. {other.title}</a></h3>"
        f"<p>{other.paragraphs[1]}</p></div>"
        for n, other in enumerate(others[:4], 1)
    )
    related = cards.replace("<li>", "<div class='item'>").replace("</li>", "</div>")
    boxes = f"<div class='list'>{items}</div><div class='list'>{related}</div>"
    cut = teaser_cards(parse_html(page(f"{own}{boxes}").decode()))
    assert len(cut) == 5 and not any(". " in card.findtext(".//a")[:4] for card in cut)
    # cards spread over a widget's tabs, two or three in each: one stream all the same
    second = cards.index("</li>", cards.index("</li>") + 5) + 5
    tabs = "".join(
        f"<div class='tab'><ul>{cards_of}</ul></div>"
        for cards_of in (cards[:second], cards[second:])
    )
    assert len(teaser_cards(parse_html(page(f"{own}<div class='tabs'>{tabs}</div>").decode()))) == 5
    index = extract(page(f"<ul class='stream'>{cards}</ul>"), URL)
    assert index is not None
    assert sum(other.paragraphs[0] in index.text for other in others) >= 4


def test_a_consent_platforms_dialog_is_no_story() -> None:
    """A page of little text of its own, with a consent platform's dialog set in it hidden:
    its list of vendors, each with the address of its privacy policy, is not the story."""
    story = make_stories(1)[0]
    vendors = "".join(
        f"<div class='vendor-item'><div class='vendor-name'>Vendor {n} Inc.</div>"
        f"<div class='vendor-url'>https://vendor{n}.example/privacy-policy/</div></div>"
        for n in range(200)
    )
    page = (
        f"<html lang='en'><head><title>{story.title}</title></head><body>"
        f"<div class='page'><h1>{story.title}</h1><p>{story.paragraphs[0]}</p></div>"
        f"<div id='onetrust-consent-sdk'><div style='display: none'>{vendors}</div></div>"
        "</body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is None or "privacy-policy" not in found.text


def test_another_storys_card_set_as_a_linked_article_inside_the_story_goes() -> None:
    story, other = make_stories(2)
    paragraphs = [f"<p>{p}</p>" for p in story.paragraphs]
    card = (
        f"<article class='teaser'><a href='/news/other.html'><span>Harbour</span>"
        f"<h3>{other.title}</h3><time>6 May 2022</time></a></article>"
    )
    page = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><article>"
        f"<h1>{story.title}</h1>{''.join(paragraphs[:2])}{card}{''.join(paragraphs[2:])}"
        "</article></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)
    assert other.title not in found.text
    # an article of a few words that is not one link is the page's own (a brief)
    brief = page.replace(card.encode(), f"<article><p>{other.title}.</p></article>".encode())
    found = extract(brief, URL)
    assert found is not None and other.title in found.text


def test_a_gallerys_slides_beside_the_story_go_with_their_counters() -> None:
    """A gallery after the story, each slide numbered "k/N" in an element of its own beside
    its caption, credit and date (as The Independent sets its "news in pictures")."""
    story, *others = make_stories(6)
    slides = "".join(
        f"<li><h2><span class='counter'>{n}/5</span> 6 May 2022</h2><p>{other.title}</p>"
        f"<p class='credits'>Reuters/Jo Bloggs</p></li>"
        for n, other in enumerate(others, 1)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in story.paragraphs)

    def page(gallery: str) -> bytes:
        return (
            f"<html lang='en'><head><title>{story.title}</title></head><body><article>"
            f"<h1>{story.title}</h1><div class='body'>{paragraphs}</div>{gallery}"
            "</article></body></html>"
        ).encode()

    found = extract(page(f"<ul class='legends'>{slides}</ul>"), URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)
    assert not any(other.title in found.text for other in others)
    assert "5/5" not in found.text and "Reuters/Jo Bloggs" not in found.text
    assert len(gallery_slides(parse_html(page(f"<ul>{slides}</ul>").decode()))) == 5
    # numbers that do not count the slides one by one from the first: not a gallery's
    shuffled = slides.replace(">2/5<", ">4/5<")
    assert gallery_slides(parse_html(page(f"<ul>{shuffled}</ul>").decode())) == []
    # a listicle's items, each of many words: the story's
    items = "".join(
        f"<li><span>{n}/5</span><p>{other.paragraphs[0]}</p><p>{other.paragraphs[1]}</p></li>"
        for n, other in enumerate(others, 1)
    )
    assert gallery_slides(parse_html(page(f"<ul>{items}</ul>").decode())) == []


def test_a_share_by_mail_forms_message_is_not_the_story() -> None:
    """Gannett's share form: a text box holding the headline, the summary and a link, written
    for the reader to send; trafilatura keeps it as the story's first lines."""
    story = make_stories(1)[0]
    summary = "The quay is back, one last time."
    message = f"{story.title} &#13;&#13;{summary} &#13;&#13;Check out this story: http://gazette.example/s/2l"
    form = (
        "<div class='share'><form action='/mail/' method='post'><input name='to'>"
        f"<textarea name='message'>{message}</textarea><span>CancelSend</span></form></div>"
    )
    page = bare_page(story, wrap=form + "{}")
    assert [e.tag for e in form_fields(parse_html(page.decode()))] == ["textarea"]
    found = extract(page, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)
    assert summary not in found.text and "Check out this story" not in found.text
    # a form that holds the whole page (ASP.NET's) stays
    whole = bare_page(story).replace(b"<article>", b"<form method='post'><article>")
    whole = whole.replace(b"</article>", b"</article></form>")
    assert form_fields(parse_html(whole.decode())) == []
    found = extract(whole, URL)
    assert found is not None and all(p in found.text for p in story.paragraphs)


def test_a_pull_quote_of_two_lines_says_again_what_the_story_says() -> None:
    """A pull quote set below the paragraph it quotes, in two lines: each line is a quote's
    (trafilatura's ``<quote>``), so each goes as a restatement; the paragraph stays."""
    story = make_stories(1)[0]
    first, second = (sentence + "." for sentence in story.paragraphs[1].split(". ")[:2])
    said = "<br>".join((first, second))
    body = "".join(f"<p>{p}</p>" for p in story.paragraphs[:4])
    page = (
        f"<html lang='en'><head><title>{story.title}</title></head><body><article>"
        f"<h1>{story.title}</h1>{body}<blockquote><p>{said}</p></blockquote>"
        f"{''.join(f'<p>{p}</p>' for p in story.paragraphs[4:])}</article></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None and story.paragraphs[1] in found.text
    lines = found.text.split("\n")
    assert first not in lines and second not in lines


def test_a_pages_captions_are_its_figcaptions_and_the_elements_named_for_a_caption() -> None:
    """WordPress and older templates set a caption in an element named for it, which
    trafilatura keeps as a paragraph when it falls back on its other extractors."""
    caption = "Stacks of bricks on the quay, where the council wants a new harbour"
    page = parse_html(
        "<html><body><article><p>The story.</p>"
        f"<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>{caption}</p></div>"
        "<figure><img src='b.jpg'><figcaption>The ferry at dawn</figcaption></figure>"
        f"<div class='caption-box'>{'A wrapper named so that holds a story. ' * 10}</div>"
        "<p class='imageCaption'>The lighthouse, lit again</p>"
        "<p>The pier opens in May, the board said.</p>"
        "<div class='photoCaption'>The pier opens in May, the board said.</div>"
        "</article></body></html>"
    )
    assert page is not None
    # a caption that quotes a paragraph of the story leaves that paragraph the story's
    assert captions_of(page) == {caption, "The ferry at dawn", "The lighthouse, lit again"}
    # every one of many captions set in paragraphs of their own
    many = parse_html(
        "<html><body>"
        + "".join(
            f"<figure><figcaption><p>Caption number {n} of the photos here</p></figcaption>"
            f"</figure><p>Paragraph {n} of the story, which says something else.</p>"
            for n in range(30)
        )
        + "</body></html>"
    )
    assert many is not None and len(captions_of(many)) == 30


def test_a_pictures_caption_in_a_publishers_body_goes() -> None:
    story = make_stories(3)[2]
    caption = "Stacks of bricks on the quay: the council wants the harbour rebuilt by 2028."
    body = "\n\n".join([story.paragraphs[0], caption, *story.paragraphs[1:]])
    ld = json.dumps({"@type": "NewsArticle", "headline": story.title, "articleBody": body})
    page = (
        f"<html lang='en'><head><title>{story.title}</title>"
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>{story.title}</h1><p>{story.paragraphs[0]}</p><figure><img src='a.jpg'>"
        f"<figcaption>{caption} - © Ann Photographer</figcaption></figure>"
        + "".join(f"<p>{p}</p>" for p in story.paragraphs[1:])
        + "</article></body></html>"
    ).encode()
    found = extract(page, URL)
    assert found is not None and found.text_source == "jsonld"
    assert all(p in found.text for p in story.paragraphs)
    assert "Stacks of bricks" not in found.text
