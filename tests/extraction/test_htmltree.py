"""One parse a page (crawler.extraction.htmltree): the tree and the extraction trafilatura itself would give."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml.html import HtmlElement, tostring
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from crawler.demo.site import article_page
from crawler.demo.stories import make_stories
from crawler.extraction import htmltree
from crawler.extraction.extract import trafilatura_options
from crawler.extraction.extracted import ExtractionOptions
from crawler.extraction.htmltree import extract_owned, parse_html

CASES = sorted((Path(__file__).parent.parent / "golden" / "cases").glob("*.html"))
PARAGRAPH = "<p>The council met on Monday to discuss the budget for the coming year.</p>"
AWKWARD = {
    "control characters": f"<html><body><article>{PARAGRAPH * 3}\x00\x07\x1f</article></body></html>",
    "U+FFFE and U+FFFF": f"<html><body><p>a\ufffeb\uffffc</p>{PARAGRAPH * 3}</body></html>",
    "a doctype on the first line": f"<!DOCTYPE html>\n<html><body>{PARAGRAPH * 3}</body></html>",
    "a self-closing html tag": f'<html lang="en" />\n<body>{PARAGRAPH * 3}</body>',
    "no html tag, one block": "<p>just a paragraph</p>",
    "plain text": "It is not HTML at all, only a sentence of text.",
    "non-Latin text": "<html lang='el'><body><p>Το δημοτικό συμβούλιο συνεδρίασε.</p></body></html>",
    "a no-break space before the doctype": f"\u00a0<!DOCTYPE html><html><body>{PARAGRAPH}</body></html>",
    "an ideographic space before html": f"\u3000<html><body>{PARAGRAPH * 2}</body></html>",
    "a second head": f"<html><head><title>A</title></head><head><meta name='date' content='2026-01-02'></head><body>{PARAGRAPH}</body></html>",
    "an XML declaration": f"<?xml version='1.0' encoding='utf-8'?><html><body>{PARAGRAPH}</body></html>",
}  # fmt: skip


def serialised(tree: object) -> bytes | None:
    return None if tree is None else tostring(tree)


@pytest.mark.parametrize("name", AWKWARD)
def test_a_page_parses_as_trafilatura_would_parse_it(name: str) -> None:
    html = AWKWARD[name]
    assert serialised(parse_html(html)) == serialised(load_html(html))


def test_the_golden_pages_parse_as_trafilatura_would_parse_them() -> None:
    for case in CASES:
        html = case.read_text(encoding="utf-8")
        assert serialised(parse_html(html)) == serialised(load_html(html)), case.name


def document_fields(document: object) -> dict[str, object] | None:
    if document is None:
        return None
    fields = dict(vars(document) if not hasattr(document, "__slots__") else {
        name: getattr(document, name) for name in document.__slots__
    })  # fmt: skip
    body = fields.pop("body", None)
    fields.pop("commentsbody", None)
    return {**fields, "body": serialised(body)}


def pages() -> list[tuple[str, str]]:
    demo = [(f"demo {n}", article_page(story)) for n, story in enumerate(make_stories(3))]
    golden = [(case.name, case.read_text(encoding="utf-8")) for case in CASES]
    return demo + golden


def test_extraction_of_an_owned_tree_is_trafilatura_s_own() -> None:
    options = trafilatura_options(ExtractionOptions())
    options.url = options.source = "http://127.0.0.1:8000/news/a.html"
    assert htmltree._PARTS is not None and htmltree._plain(options)  # not the fallback
    for name, html in pages():
        theirs = bare_extraction(load_html(html), url=options.url, options=copy.copy(options))
        ours = extract_owned(parse_html(html), copy.copy(options))
        assert document_fields(ours) == document_fields(theirs), name


def test_a_page_without_text_gives_nothing_either_way() -> None:
    options = trafilatura_options(ExtractionOptions())
    html = "<html><head><title>Empty</title></head><body><div><img src='a.png'></div></body></html>"
    assert bare_extraction(load_html(html), options=copy.copy(options)) is None
    assert extract_owned(parse_html(html), copy.copy(options)) is None


def test_every_element_is_an_html_element_with_lxml_html_s_api_form_fields_too() -> None:
    # Chosen in C (no Python call per element): form fields are plain HtmlElements, not
    # FormElement or InputElement, and nothing else changes.
    html = (
        "<html><body><form action='/c'><label>Name</label><input name='q'>"
        "<select><option>a</option></select><textarea>Say something</textarea></form>"
        f"{PARAGRAPH}</body></html>"
    )
    tree = parse_html(html)
    assert tree is not None
    assert {type(element) for element in tree.iter()} == {HtmlElement}
    assert serialised(tree) == serialised(load_html(html))
    tree.find(".//form").drop_tree()
    assert (
        tree.text_content()
        == "The council met on Monday to discuss the budget for the coming year."
    )
