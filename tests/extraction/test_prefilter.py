"""trafilatura's regular-expression XPaths, guarded (crawler.extraction.prefilter): the same
nodes, found with fewer calls into Python."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import lxml.html
import pytest
from lxml.etree import XPath
from trafilatura import xpaths

from crawler.extraction.htmltree import parse_html
from crawler.extraction.prefilter import prefiltered, required_literals, rewrite

GOLDEN = Path(__file__).parents[1] / "golden" / "cases"
TAGS = ("div", "span", "a", "p", "section", "article", "main", "aside", "ul", "li", "h2", "h3",
        "strong", "address", "figure", "footer", "nav", "header", "time", "table")  # fmt: skip


def pristine(name: str) -> ModuleType:
    """A fresh copy of a trafilatura module: its XPaths as trafilatura wrote them, whether or
    not an extractor built earlier in this process guarded the loaded ones."""
    spec = importlib.util.find_spec(f"trafilatura.{name}")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def trafilatura_xpaths() -> list[tuple[str, XPath]]:
    found = [
        (f"{name}[{i}]", xpath)
        for name, value in vars(pristine("xpaths")).items()
        if isinstance(value, list) and value and all(isinstance(x, XPath) for x in value)
        for i, xpath in enumerate(value)
    ]
    return [*found, ("BASIC_CLEAN_XPATH", pristine("settings").BASIC_CLEAN_XPATH)]


def matching_values() -> list[str]:
    """Attribute values that the patterns' literals are taken from, and near misses: each
    literal alone, inside other words, at the start, cut short, and in other case."""
    values = {"", " ", "x"}
    for _, xpath in trafilatura_xpaths():
        for pattern in re.findall(r"re:test\([^,]+,\s*'([^']*)'", xpath.path):
            for literal in required_literals(pattern) or []:
                values |= {literal, f"a-{literal}-b", f"{literal} c", literal[:-1],
                           literal.upper(), f"x{literal.capitalize()}"}  # fmt: skip
            for branch in pattern.split("|"):
                plain = re.sub(r"[\\^$()?:*+\[\]{}]", "", branch)
                values |= {plain, f"wrap {plain}", plain.replace("-", "")}
    return sorted(values)


def crafted_page() -> str:
    """Every tag with every value as class, as id and as both, plus roles and data attributes."""
    values = matching_values()
    parts = []
    for i, value in enumerate(values):
        first, second, third = (TAGS[(i + step) % len(TAGS)] for step in (0, 7, 3))
        quoted = value.replace('"', "&quot;")
        parts.append(f'<{first} class="{quoted}">c{i}</{first}>')
        parts.append(f'<{second} id="{quoted}">i{i}</{second}>')
        parts.append(f'<{third} id="{quoted}" class="z" style="{quoted}">'
                     f'<span class="{quoted}">b{i}</span></{third}>')  # fmt: skip
    return f"<html><head><title>t</title></head><body>{''.join(parts)}</body></html>"


def pages() -> list[lxml.html.HtmlElement]:
    trees = [parse_html(crafted_page())]
    trees += [parse_html(path.read_text("utf-8")) for path in sorted(GOLDEN.glob("*.html"))]
    return [tree for tree in trees if tree is not None]


@pytest.fixture(scope="module")
def trees() -> list[lxml.html.HtmlElement]:
    return pages()


@pytest.mark.parametrize(("name", "xpath"), trafilatura_xpaths(), ids=lambda v: str(v)[:40])
def test_a_guarded_xpath_finds_the_same_nodes_as_trafilaturas(
    name: str, xpath: XPath, trees: list[lxml.html.HtmlElement]
) -> None:
    guarded = prefiltered(xpath)
    for tree in trees:
        assert guarded(tree) == xpath(tree), name


def test_the_crafted_page_makes_the_patterns_match() -> None:
    # Without matches, "the same nodes" would say nothing.
    tree = pages()[0]
    matched = [
        name for name, xpath in trafilatura_xpaths() if "re:test" in xpath.path and xpath(tree)
    ]
    assert len(matched) >= 15, matched


def test_every_match_contains_one_of_the_required_literals() -> None:
    assert required_literals("author-?name|AuthorName|authorName") == ["AuthorName", "author"]
    assert required_literals("(?:entry|article|art)-content") == ["-content"]
    assert required_literals("^comments|comment-?list") == ["comment"]
    assert required_literals("(^|\\s)hidden") == ["hidden"]


def test_patterns_without_a_literal_in_every_branch_or_with_flags_get_none() -> None:
    assert required_literals("author|\\d+") is None
    assert required_literals("ab|cd") is None  # too short to be worth a guard
    assert required_literals("(?i)author") is None


def test_a_test_that_could_hold_for_a_missing_attribute_is_left_alone() -> None:
    assert rewrite("//*[re:test(@class, 'x?')]") == "//*[re:test(@class, 'x?')]"
    guarded = rewrite("//*[re:test(@class, 'author-?name')]")
    assert guarded == (
        "//*[(@class and (contains(@class, 'author')) and re:test(@class, 'author-?name'))]"
    )


def test_the_extractor_installs_the_guards() -> None:
    from crawler.extraction.extract import ArticleExtractor

    ArticleExtractor()
    assert any("contains(@class" in x.path and "re:test" in x.path for x in xpaths.AUTHOR_XPATHS)


def test_benchmarks_can_time_trafilatura_as_it_comes() -> None:
    from crawler.extraction.extract import ArticleExtractor
    from crawler.extraction.prefilter import unguarded

    ArticleExtractor()
    guarded = list(xpaths.AUTHOR_XPATHS)
    with unguarded():
        assert [x.path for x in xpaths.AUTHOR_XPATHS] == [
            x.path for x in pristine("xpaths").AUTHOR_XPATHS
        ]
    assert list(xpaths.AUTHOR_XPATHS) == guarded
