"""The story's lead (standfirst), where trafilatura leaves it out.

Many sites set the first paragraph apart (``<p class="lead">``, a teaser block in the story's
header) and trafilatura, which looks for the run of prose, often misses it. The page says
which paragraph it is: its own description (``og:description``, ``description``) is the lead,
or its start, and a block of the page that shows that text is the lead as the reader sees it.

Without a description to go by, or when the description is the story's own first paragraph,
a block named as a lead ("lead", "intro", "excerpt", "standfirst", "teaser"...) after the
headline, or the first ``h2``, ``h3`` or ``p`` after it (a subtitle), is the story's
lead only when the story itself begins soon after it: the name alone is no guide, as the
teasers of other stories carry the same names. It must also read as a lead: a few sentences of
prose, no list, picture, headline or script inside, hardly any link.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from lxml.etree import Element, XPath
from lxml.html import HtmlElement

from crawler.extraction.boilerplate import BYLINE, CAPTION_END
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
# A lead's block may say this much before the description's opening (a kicker, a date).
KICKER_CHARS = 80
_OPENING_WORDS = 4  # what a text node of the block must contain, as the description has it
_BLOCKS = frozenset(("p", "div", "h2", "h3", "section", "header", "td", "li", "span", "strong"))
_OUTSIDE = frozenset(("head", "script", "style", "nav", "footer", "aside", "a", "button", "form"))
_HAS_TEXT = XPath("//body//text()[contains(., $opening)]")
# What a block set apart as the lead is named, as a word of its class or id.
_LEAD_NAMES = ("lead", "leadin", "lede", "intro", "introduction", "excerpt", "standfirst",
               "teaser", "summary", "subtitle", "subline", "deck", "dek", "abstract", "chapeau",
               "sapo", "bajada", "entradilla")  # fmt: skip
_NAME_WORD = re.compile(r"(?<![^\s_-])(?:" + "|".join(_LEAD_NAMES) + r")(?![^\s_-])")
_NOT_IN_LEAD = frozenset(("script", "style", "noscript", "h1", "img", "figure", "figcaption",
                          "time", "ul", "ol", "table"))  # fmt: skip
_OUTSIDE_LEAD = _OUTSIDE | {"li", "figure", "figcaption"}  # a caption is not the lead
_SUBTITLE_TAGS = frozenset(("h2", "h3", "p"))
_UNREAD = frozenset(("script", "style", "noscript", "template"))
# The lead is looked for among this many elements after the headline.
WINDOW = 250
# The story must begin within this many characters of text after the block (a byline, a
# picture's caption and credit may come between).
NEAR = 1200
_SENTENCE_END = re.compile(r"[.!?…\"»”“:]\s*$")
# A block cut short ("... said the Federal Reserve’s..."): another story's teaser, when the
# story does not say it (a lead cut short that it does say is said already).
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")


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
            # (a picture's caption, which some pages give as their description, ends with
            # the picture's credit: "... (AP Photo/Steve Helber)")
            if MIN_CHARS <= len(text) <= MAX_CHARS and not CAPTION_END.search(text):
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
        elif text.find(opening) > KICKER_CHARS:
            continue  # the page's header around a caption or a lead: the headline, the buttons
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
    if not lead or has_lead(text, lead):
        return text
    first, _, rest = text.partition("\n")
    if headline and rest and _fold(first) == _fold(headline):
        return f"{first}\n{lead}\n{rest}"
    return f"{lead}\n{text}"


def has_lead(text: str, lead: str) -> bool:
    """Whether the text says the lead already: its opening or its closing words; or the lead
    says the text's first paragraph, a block that holds the story (and the headline, the date
    and the buttons around it) in a page of old markup."""
    said = " ".join(text.split())
    lead_words = lead.split()
    if " ".join(lead_words[:6]) in said or " ".join(lead_words[-6:]) in said:
        return True
    first = next((line.split() for line in text.split("\n") if len(line.split()) >= 10), None)
    return first is not None and " ".join(first[:10]) in " ".join(lead_words)


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


Standfirst = tuple[str, str]  # a block named as the lead: its text, the text that follows it


def named_leads(tree: HtmlElement, head: HeadTags) -> list[Standfirst]:
    """The blocks named as a lead, and the block under the headline, that read as one, in
    the page's order, each with the text that follows it. Read before trafilatura prunes the
    tree."""
    # the lead follows the headline; a page without an <h1> is searched whole
    headline = next(tree.iter("h1"), None)
    body = tree.find("body")
    if headline is not None:
        elements = list(_after(headline, WINDOW))
    else:
        elements = list(body.iter(Element)) if body is not None else []
    values = [f"{e.get('class') or ''} {e.get('id') or ''}" for e in elements]
    # one search over the class and id values, not one search each
    ends = list(accumulate(len(value) + 1 for value in values))
    joined = "\n".join(values).lower()
    named = list(
        dict.fromkeys(
            elements[bisect_right(ends, found.start())] for found in _NAME_WORD.finditer(joined)
        )
    )
    subtitle = None
    if headline is not None and _is_headline(headline, head):
        subtitle = next(
            (e for e in elements if e.tag in _SUBTITLE_TAGS and (e.text or "").strip()), None
        )
        if subtitle is not None and subtitle not in named:
            named.insert(0, subtitle)
    inner = set(named)
    found = []
    for element in named:
        if element.tag in _OUTSIDE_LEAD or any(
            a.tag in _OUTSIDE_LEAD for a in element.iterancestors()
        ):
            continue
        if any(d in inner or d.tag in _NOT_IN_LEAD for d in element.iterdescendants()):
            continue  # a container of the lead, or more than a lead
        text = " ".join(element.text_content().split())
        if not MIN_CHARS <= len(text) <= MAX_CHARS or len(text.split()) < 8:
            continue
        if not _SENTENCE_END.search(text) or _CUT_SHORT.search(text):
            continue
        if headline is not None and _holds_headline(text, headline):
            continue  # a kicker and the headline again: the story's header
        if element is subtitle and (BYLINE.match(text) or _mostly_headline(text, headline)):
            continue  # unnamed, it must not be the byline or the headline reworded
        linked = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
        if linked > 0.3 * len(text):
            continue
        following = _following_text(element, NEAR)
        found.append((text, following))
    return found


def standfirst_of(text: str, named: list[Standfirst]) -> str | None:
    """The first block named as a lead that the story, as extracted, begins right after and
    does not say already."""
    openings = [" ".join(p.split())[:40] for p in text.split("\n") if len(p) >= MIN_CHARS][:2]
    for lead, following in named:
        if any(opening in following for opening in openings) and not has_lead(text, lead):
            return lead
    return None


def _following_text(element: HtmlElement, limit: int) -> str:
    """The text that comes after ``element`` in the page's order, whitespace collapsed, its
    first ``limit`` characters: read from the element's next siblings and those of its
    ancestors, no further than needed (an XPath ``following::`` axis reads the rest of the
    page each time, for each candidate)."""
    parts: list[str] = []
    size = 0
    node: HtmlElement | None = element
    while node is not None and size < limit:
        for text in _after_node(node):
            collapsed = " ".join(text.split())
            if collapsed:
                parts.append(collapsed)
                size += len(collapsed) + 1
                if size >= limit:
                    break
        node = node.getparent()
    return " ".join(parts)[:limit]


def _after_node(node: HtmlElement) -> Iterator[str]:
    """The texts after ``node`` within its parent: its tail, then its next siblings' texts
    (scripts and styles aside) and tails."""
    yield node.tail or ""
    for sibling in node.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag not in _UNREAD:
            stack = [sibling]
            while stack:  # depth first, in the page's order, without recursion
                current = stack.pop()
                if isinstance(current, str):
                    yield current
                    continue
                yield current.text or ""
                for child in reversed(current):
                    if child.tail:
                        stack.append(child.tail)
                    if isinstance(child.tag, str) and child.tag not in _UNREAD:
                        stack.append(child)
        yield sibling.tail or ""


def _after(element: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """The elements after ``element`` in the page's order (not inside it), ``limit`` at most."""
    count = 0
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            for following in sibling.iter(Element):
                yield following
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def _is_headline(h1: HtmlElement, head: HeadTags) -> bool:
    """Whether the page's first ``<h1>`` is the story's headline: it says most of the page's
    title (a site's name set as ``<h1>`` says a part of it)."""
    have = set(words(h1.text_content()))
    for title in [*head.titles, *head.values(("property", "og:title"))]:
        wanted = set(words(str(title)))
        if wanted and len(wanted & have) >= 0.5 * len(wanted):
            return True
    return False


def _holds_headline(text: str, h1: HtmlElement) -> bool:
    """Whether a block's text holds the headline (of four words or more: a shorter one may
    well be said in the lead)."""
    headline = " ".join(h1.text_content().split())
    return len(headline.split()) >= 4 and _fold(headline) in _fold(text)


def _mostly_headline(text: str, h1: HtmlElement) -> bool:
    """Whether most of a block's words are the headline's."""
    said = set(words(text))
    return len(said & set(words(h1.text_content()))) >= 0.6 * len(said)
