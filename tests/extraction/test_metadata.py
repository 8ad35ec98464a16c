"""trafilatura's metadata at less cost (crawler.extraction.metadata): the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.metadata import extract_author, extract_catstags, extract_metadata

from crawler.extraction import metadata
from crawler.extraction.htmltree import parse_html
from crawler.extraction.metadata import author_of, catstags_of, page_metadata

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = sorted((ROOT / "tests" / "golden" / "cases").glob("*.html"))
SHARED = ROOT.parent / "shared"
STORY = "<p>The council met on Monday to discuss the budget for the coming year.</p>" * 3


def page(byline: str) -> str:
    return f"<html><head><title>Budget</title></head><body><article>{byline}{STORY}</article></body></html>"


BYLINES = {
    "a byline": "<p class='byline'>By Jane Doe</p>",
    "a byline with a date inside, its tail joined to the name": (
        "<div class='author'>By Jane Doe<time>May 2</time>and John Roe</div>"
    ),
    "a date after a name, then more": (
        "<div class='author'><a>Jane Doe</a> reports<time>May 2</time>, Berlin<span>x</span></div>"
    ),
    "a first child deleted, its tail to the parent's text": (
        "<span class='writer'><figure>photo</figure>Jane Doe</span>"
    ),
    "two deleted siblings in a row": (
        "<div class='byline'>By<time>1</time>Jane<figure>2</figure>Doe <b>Berlin</b></div>"
    ),
    "a byline inside the comments": (
        "<div class='comments'><p class='byline'>By Commenter One</p></div>"
        "<p class='byline'>By Jane Doe</p>"
    ),
    "a byline in a sidebar only": "<aside class='sidebar'><span class='author'>Jane Doe</span></aside>",
    "an author element": "<author>Jane Doe</author>",
    "a byline too long, then a short one": (
        f"<p class='byline'>{'Jane Doe ' * 20}</p><span class='author-name'>John Roe</span>"
    ),
    "no byline at all": "",
    "a byline of two characters": "<p class='byline'>JD</p>",
    "a child rel element (trafilatura's own path)": "<span><rel>me</rel>Jane Doe</span>",
    "a nested deletion": (
        "<div class='byline'>Jane <span class='quote'>x<time>y</time>z</span>Doe</div>"
    ),
}


@pytest.mark.parametrize("name", BYLINES)
def test_the_author_is_the_one_trafilatura_finds_in_its_pruned_copy(name: str) -> None:
    html = page(BYLINES[name])
    assert author_of(parse_html(html)) == extract_author(parse_html(html))


def test_a_deleted_element_s_tail_joins_the_text_before_it_without_a_space() -> None:
    html = page("<div class='author'>Jane<time>May 2</time>Doe</div>")
    assert author_of(parse_html(html)) == extract_author(parse_html(html)) == "JaneDoe"


def test_the_page_is_neither_copied_nor_changed() -> None:
    tree = parse_html(page(BYLINES["a byline with a date inside, its tail joined to the name"]))
    before = [(element.tag, element.text, element.tail) for element in tree.iter()]
    author_of(tree)
    assert [(element.tag, element.text, element.tail) for element in tree.iter()] == before


# Markup each test of the author XPaths and of the deletion holds for, and values alike that it
# does not hold for.
ATTRIBUTES = """
<p rel='author'>a</p><span rel='authors'>b</span><div id='author'>c</div><em id='author'>d</em>
<a class='author'>e</a><strong itemprop='author name'>f</strong><address itemprop='name'>g</address>
<link data-testid='AuthorCard'><span data-testid='AuthorURL'>h</span><b data-testid='AuthorCard'>i</b>
<p class='article author-name'>j</p><p class='authorname'>k</p><span class='AuthorName x'>l</span>
<h3 class='byline'>m</h3><h4 class='username'>n</h4><div class='byl'>o</div><span class='BBL'>p</span>
<h5 class='byline'>q</h5><p itemprop='creator author'>r</p><div id='post-zuozhe'>s</div>
<span class='xiaobian'>t</span><p class='channel-name'>u</p><a class='posted-by'>v</a>
<li data-component='Byline'>w</li><td id='Author'>x</td><td class='screenname'>y</td>
<u class='writer-box'>z</u><i class='Byline'>A</i><author>B</author><time>C</time>
<section id='comments'>D</section><div class='comments'>E</div><span class='title'>F</span>
<a class='date'>G</a><div id='comments-3'>H</div><div id='the-comment-list'>I</div>
<div id='ProductReviews'>J</div><div class='Comments x'>K</div><span class='is-hidden'>L</span>
<div class='my-sidebar'>M</div><div class='article-share'>N</div><div data-component='FigureX'>O</div>
<p class='comments'>P</p><div class='x comments'>Q</div><figure>R</figure><div class='printable'>S</div>
"""


@pytest.mark.parametrize(
    "html",
    [
        page(ATTRIBUTES),
        *(page(markup) for markup in BYLINES.values() if "<rel>" not in markup),  # trafilatura's
        *map(Path.read_text, GOLDEN),
    ],
)
def test_one_walk_finds_what_each_author_xpath_and_the_deletion_find(html: str) -> None:
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    tree = parse_html(html)
    hits, discarded = metadata._author_walk(tree)
    assert hits == [expression(tree) for expression in AUTHOR_XPATHS]
    deleted = {element for path in AUTHOR_DISCARD_XPATHS for element in path(tree)}
    assert discarded - {tree} == deleted - {tree}


def test_the_walk_s_markup_is_found_at_all() -> None:
    hits, discarded = metadata._author_walk(parse_html(page(ATTRIBUTES)))
    assert [len(found) for found in hits] == [10, 13, 15]  # the test above compares lists
    assert len(discarded) == 15


# Markup that each of trafilatura's category and tag XPaths finds (WordPress themes and others).
LINKS = "<a href='/category/politics/'>Politics</a> <a href='/tag/budget/'>Budget</a>"
LISTED = {
    "post info": f"<div class='post-info'>{LINKS}</div>",
    "entry meta with more classes": f"<div class='entry-meta clearfix'>{LINKS}</div>",
    "an id postpath": f"<div id='postpath-1'>{LINKS}</div>",
    "a postmeta paragraph": f"<p class='postmeta'>{LINKS}</p>",
    "filed under": f"<p id='filedunder'>{LINKS}</p>",
    "an entry footer": f"<footer class='entry-footer'>{LINKS}</footer>",
    "cat links": f"<span class='cat-links'>{LINKS}</span>",
    "a post category item": f"<ul><li class='post-category'>{LINKS}</li></ul>",
    "an entry header": f"<header class='entry-header'>{LINKS}</header>",
    "a row": f"<div class='row'>{LINKS}</div>",
    "tags": f"<div class='tags'>{LINKS}</div>",
    "entry tags": f"<p class='entry-tags'>{LINKS}</p>",
    "related posts": f"<div class='jp-relatedposts'>{LINKS}</div>",
    "tag cloud": f"<div class='tagcloud'>{LINKS}</div>",
    "topics": f"<section class='article-topics'>{LINKS}</section>",
    "tags links": f"<span class='tags-links'>{LINKS}</span>",
    "a class that only looks alike": f"<div class='rows'>{LINKS}</div>",
    "a section in the head": "<meta property='article:section' content='Politics'>",
    "holders inside holders": (
        "<div class='post-meta'><a href='/tag/a/'>A</a><div class='meta'><a href='/tag/b/'>B</a>"
        "<span class='cat-links'><a href='/category/c/'>C</a></span></div>"
        "<a href='/category/d/'>D</a></div><div class='tags'><a href='/tag/e/'>E</a></div>"
    ),
    "a holder that is a link": "<a class='topics' href='/tag/x/'>X <a href='/tag/y/'>Y</a></a>",
    "nothing": "",
}


@pytest.mark.parametrize("name", LISTED)
@pytest.mark.parametrize("metatype", ["category", "tag"])
def test_categories_and_tags_are_trafilatura_s(name: str, metatype: str) -> None:
    html = page(LISTED[name])
    if "<meta" in html:
        html = html.replace("<title>", LISTED[name] + "<title>")
    tree = parse_html(html)
    assert catstags_of(metatype, tree, metadata._Attributes(tree)) == extract_catstags(
        metatype, parse_html(html)
    )


def test_the_listed_markup_is_found_at_all() -> None:
    found = {
        name
        for name, markup in LISTED.items()
        if extract_catstags("category", parse_html(page(markup)))
        or extract_catstags("tag", parse_html(page(markup)))
    }
    assert len(found) >= 14  # the test above compares answers, not only empty lists


def fields(document: object, license: bool = True) -> dict[str, object]:
    found = {
        name: value
        for name, value in document.as_dict().items()  # type: ignore[attr-defined]
        if name not in ("body", "commentsbody")  # empty elements made anew each call
    }
    if not license:
        found.pop("license")
    return found


def same_metadata(html: str, url: str = "https://news.example/2026/05/budget.html") -> None:
    theirs = extract_metadata(parse_html(html), url, None, False, None)
    ours = page_metadata(parse_html(html), url, None, False, None)
    assert ours.license is None  # no record field holds it: not looked for
    assert fields(ours, license=False) == fields(theirs, license=False)


def test_the_code_read_is_the_installed_trafilatura_s() -> None:
    assert metadata._READ  # else page_metadata is trafilatura's own function: nothing gained


@pytest.mark.parametrize("case", GOLDEN, ids=[case.name for case in GOLDEN])
def test_the_golden_pages_metadata_are_trafilatura_s(case: Path) -> None:
    same_metadata(case.read_text(encoding="utf-8"))


def test_a_licensed_page_has_every_other_field_as_trafilatura_reads_it() -> None:
    html = page(BYLINES["a byline"]).replace(
        "</article>",
        "</article><footer><a rel='license' href='https://creativecommons.org/licenses/by/4.0/'>"
        "CC BY 4.0</a></footer>",
    )
    assert extract_metadata(parse_html(html), None, None, False, None).license
    same_metadata(html)


def real_pages() -> list[Path]:
    """The shared real-world pages, when this machine has them (not in a clone)."""
    return sorted((SHARED / "pages").glob("*.html")) + sorted(
        (SHARED / "trafilatura-eval" / "pages").glob("*")
    )


@pytest.mark.skipif(not real_pages(), reason="no ../shared pages on this machine")
def test_on_a_thousand_real_pages_the_metadata_are_trafilatura_s() -> None:
    from crawler.extraction.encoding import decode_html

    differ = []
    for path in real_pages():
        html = decode_html(path.read_bytes(), None)[0]
        if parse_html(html) is None:
            continue
        try:
            same_metadata(html)
        except AssertionError:
            differ.append(path.name)
    assert not differ


def test_another_trafilatura_s_code_is_read_by_trafilatura_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A release that changes ``extract_metadata`` or ``extract_author``: its own function
    runs, the license too."""
    html = page(BYLINES["a byline"]).replace(
        "</article>",
        "</article><footer><a rel='license' href='https://creativecommons.org/licenses/by/4.0/'>"
        "CC BY 4.0</a></footer>",
    )
    monkeypatch.setattr(metadata, "_READ", False)
    ours = page_metadata(parse_html(html), None, None, False, None)
    assert ours.license
    assert fields(ours) == fields(extract_metadata(parse_html(html), None, None, False, None))


def test_a_category_xpath_of_another_text_is_run_by_trafilatura(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lxml.etree import XPath
    from trafilatura import xpaths

    html = page("<nav class='breadcrumbs'><a href='/category/harbour/'>Harbour</a></nav>")
    added = [*xpaths.CATEGORIES_XPATHS, XPath("//nav[@class='breadcrumbs']//a[@href]")]
    monkeypatch.setattr(xpaths, "CATEGORIES_XPATHS", added)
    monkeypatch.setattr("trafilatura.metadata.CATEGORIES_XPATHS", added)
    tree = parse_html(html)
    assert catstags_of("category", tree, metadata._Attributes(tree)) == ["Harbour"]


FRAGMENTS = {
    "a figure alone": "<figure><figcaption class='author'>John Smith</figcaption><img src='x.jpg'></figure>",
    "a time alone": "<time class='author'>John Smith<span>x</span><span>y</span></time>",
    "the body's class": "<body class='archive author'><div><p>Jo Smith</p><p>x</p></div></body>",
    "an XML prolog": "<?xml version='1.0'?><html class='author-page'><body><div><p>Jo Smith</p>"
    "<p>x</p></div></body></html>",
    "a comment first": "<!-- saved --><html class='entry-meta'><body><div>"
    "<a href='/tag/news/'>News</a><p>y</p></div></body></html>",
    "tags on the body": "<body class='topics'><div><a href='/tag/x/'>x</a><p>y</p></div></body>",
}


@pytest.mark.parametrize("name", FRAGMENTS)
def test_a_page_that_parses_as_a_fragment_reads_as_trafilatura_reads_it(name: str) -> None:
    """Without its <html> start lxml gives a fragment inside a document: trafilatura's copy
    of it has no ancestors, its XPaths on it reach the document's."""
    html = FRAGMENTS[name]
    assert author_of(parse_html(html)) == extract_author(parse_html(html))
    for metatype in ("category", "tag"):
        tree = parse_html(html)
        assert catstags_of(metatype, tree, metadata._Attributes(tree)) == extract_catstags(
            metatype, parse_html(html)
        )
