"""The story's lead (standfirst), where trafilatura leaves it out.

Many sites set the first paragraph apart (``<p class="lead">``, a teaser block in the story's
header) and trafilatura, which looks for the run of prose, often misses it. The page says
which paragraph it is: its own description (``og:description``, ``description``) is the lead,
or its start, and a block of the page that shows that text is the lead as the reader sees it.
A class name such as "lead" or "teaser" is no guide: the teasers of other stories carry the
same names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from crawler.extraction.evidence import HeadTags
from crawler.utils.text import words

# A description shorter than this is a slogan or a site's tagline, not a lead.
MIN_CHARS = 60
# A block longer than this holds more than the lead: the story itself, which trafilatura has.
MAX_CHARS = 1500
# The block must show this share of the description's words.
MIN_AGREEMENT = 0.8
# A block around the first is the lead only when it is no longer than this many times the
# description: a list of points, not the story.
ENCLOSING = 1.3
_OPENING_WORDS = 4  # what a text node of the block must contain, as the description has it
_BLOCKS = frozenset(("p", "div", "h2", "h3", "section", "header", "td", "li", "span", "strong"))
_OUTSIDE = frozenset(("head", "script", "style", "nav", "footer", "aside", "a", "button", "form"))
_HAS_TEXT = XPath("//body//text()[contains(., $opening)]")


def find_lead(tree: HtmlElement, head: HeadTags) -> str | None:
    """The text of the block that shows the page's description, or None. Read before
    trafilatura prunes the tree."""
    description = head.first(
        ("property", "og:description"), ("name", "description"), ("name", "twitter:description")
    )
    if not description or len(description) < MIN_CHARS:
        return None
    opening = " ".join(description.split()[:_OPENING_WORDS])
    if len(opening) < 15:
        return None
    wanted = set(words(description))
    for node in _HAS_TEXT(tree, opening=opening):
        for text in _shown(node, opening, len(description)):
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                shown = set(words(text))
                if len(wanted & shown) >= MIN_AGREEMENT * len(wanted):
                    return text
    return None


def _shown(node: Any, opening: str, length: int) -> Iterator[str]:
    """What may be the lead around a text node that opens like the description: its block;
    the block around that from the opening on, when the lead is a list of points (no more
    than the description says, or it holds the story too); the text node alone, when broken
    markup (an ``<h2>`` never closed) puts the whole story in its block."""
    blocks = _blocks_of(node.getparent())
    if blocks is None:
        return
    for level, block in enumerate(blocks):
        # (the points of a list are apart even when the markup has no space between them)
        text = " ".join((" ".join(block.itertext()) if level else block.text_content()).split())
        if level:  # from the description's opening on: not the kicker or date above it
            text = text[max(text.find(opening), 0) :]
            if len(text) > length * ENCLOSING + 40:
                break
        yield text
    yield " ".join(str(node).split())


def _blocks_of(element: HtmlElement | None) -> list[HtmlElement] | None:
    """The blocks that hold ``element``, nearest first (two at most), or None when it sits
    where no story is."""
    blocks: list[HtmlElement] = []
    while element is not None:
        tag = element.tag
        if tag in _OUTSIDE:
            return None
        if tag in _BLOCKS and len(blocks) < 2:
            blocks.append(element)
        element = element.getparent()
    return blocks


def prepend_lead(text: str, lead: str | None, headline: str | None) -> str:
    """The text with the lead as its first paragraph (after a first line that repeats the
    headline), unless the text has it already."""
    if not lead or _has(text, lead):
        return text
    first, _, rest = text.partition("\n")
    if headline and rest and _fold(first) == _fold(headline):
        return f"{first}\n{lead}\n{rest}"
    return f"{lead}\n{text}"


def _has(text: str, lead: str) -> bool:
    """Whether the text says the lead already: its opening or its closing words."""
    said = " ".join(text.split())
    lead_words = lead.split()
    return " ".join(lead_words[:6]) in said or " ".join(lead_words[-6:]) in said


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()
