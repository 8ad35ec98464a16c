"""The story's sections that trafilatura leaves out.

Page builders set a story in sibling boxes of one kind (a Bootstrap row per section, a
"textmodul" per block of text), and trafilatura takes the box it scores best, or a few of them:
the rest of the story is lost. Readability joins the siblings of its best candidate; this
module does the same for boxes of the story's kind: a box that shares its tag and class with a
box whose prose trafilatura kept, and holds prose of its own, is the story's too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.etree import Element, _Element
from lxml.html import HtmlElement

_BOXES = ("div", "section")
_BLOCKS = ("p", "h2", "h3", "h4")
# A paragraph of prose: this many words or more, little of it link text.
MIN_PROSE_WORDS = 20
MAX_LINK_SHARE = 0.2
MAX_BOX_LINK_SHARE = 0.3
# The boxes' kept prose must be most of trafilatura's text: the story's kind of box, not a
# caption's or a video's that trafilatura kept beside the story.
MIN_KEPT_SHARE = 0.5
# Boxes so named are other stories', comments, or the page's frame, whatever their kind: a
# class or id that begins with one of these words ("comments", "related-posts"; not a
# modifier such as "content-header--social-icons", nor the body's "navigation-border").
_ELSEWHERE = re.compile(
    r"(?:^|\s)(?:comment|related|teaser|sidebar|footer|widget|share|social|newsletter|promo"
    r"|author|nav|modal|dialog|popup|overlay|cookie|consent)",
    re.IGNORECASE,
)
_FRAME = ("form", "nav", "aside", "footer")
_KEY_CHARS = 60  # a block is found in the text by its opening characters


@dataclass
class Box:
    """A box's headings and paragraphs of prose, read before trafilatura prunes the page."""

    blocks: list[tuple[str, str]]  # (tag, text) of its headings and prose, in order
    prose: list[str]


def story_boxes(tree: HtmlElement) -> list[list[Box]]:
    """Runs of sibling boxes of one kind (tag and class) that hold prose, read before
    trafilatura prunes the tree: each box's headings and paragraphs of prose."""
    kinds: dict[tuple[object, str, str], list[HtmlElement]] = {}
    body = tree.find("body")
    if body is None:
        return []
    for element in body.iter(*_BOXES):
        name = element.get("class")
        if name:
            kinds.setdefault((element.getparent(), element.tag, name), []).append(element)
    runs = []
    for (parent, _, name), members in kinds.items():
        if len(members) < 2 or _ELSEWHERE.search(name) or _elsewhere(parent):
            continue
        boxes = [
            _read(member) if not _ELSEWHERE.search(member.get("id", "")) else Box([], [])
            for member in members
        ]
        if sum(1 for box in boxes if box.prose) >= 2:
            runs.append(boxes)
    return runs


def _elsewhere(element: HtmlElement | None, within: HtmlElement | None = None) -> bool:
    """Whether an element or one of its ancestors (up to ``within``) is named for what is not
    the story."""
    while element is not None and element is not within and element.tag != "body":
        if element.tag in _FRAME or _ELSEWHERE.search(_name(element)):
            return True
        element = element.getparent()
    return False


def _name(element: HtmlElement) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def _linked(element: HtmlElement, box: HtmlElement) -> bool:
    """Whether an element sits in a link, up to ``box``: "<a href=...><h3>...</h3></a>"."""
    return any(ancestor.tag == "a" for ancestor in _ancestors(element, box))


def _ancestors(element: HtmlElement, box: HtmlElement) -> Iterator[HtmlElement]:
    parent = element.getparent()
    while parent is not None and parent is not box:
        yield parent
        parent = parent.getparent()


def _read(box: HtmlElement) -> Box:
    if _link_chars(box) > MAX_BOX_LINK_SHARE * len(_text(box)):
        return Box([], [])  # a menu, a footer's columns, a list of other stories
    blocks: list[tuple[str, str]] = []
    prose: list[str] = []
    for element in box.iter(*_BLOCKS):
        text = _text(element)
        if not text or _elsewhere(element.getparent(), box):
            continue
        if element.tag != "p":
            if next(element.iter("a"), None) is not None or _linked(element, box):
                return Box([], [])  # a linked headline: another story's card
            blocks.append((element.tag, text))
        elif _is_prose(text, element):
            blocks.append(("p", text))
            prose.append(text)
    if not blocks and next(box.iterdescendants(*_BOXES), None) is None:
        # text set in the box itself, "<div class='textmodul'>Bei dünneren ...</div>"
        text = _text(box)
        if _is_prose(text, box):
            return Box([("p", text)], [text])
    return Box(blocks, prose)


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _link_chars(element: HtmlElement) -> int:
    return sum(len(_text(anchor)) for anchor in element.iter("a"))


def _is_prose(text: str, element: HtmlElement) -> bool:
    linked = _link_chars(element)
    return len(text.split()) >= MIN_PROSE_WORDS and linked <= MAX_LINK_SHARE * len(text)


def restore(body: _Element, runs: list[list[Box]]) -> bool:
    """Put back, into trafilatura's result ``body``, the boxes of prose it left out beside a
    box of the same kind whose prose it kept (after it, then before it); whether any was."""
    told = " ".join(" ".join(body.itertext()).split())
    restored = False
    for boxes in runs:
        kept = [[text for text in box.prose if text[:_KEY_CHARS] in told] for box in boxes]
        if sum(len(text) for texts in kept for text in texts) < MIN_KEPT_SHARE * len(told):
            continue
        for order in (range(len(boxes)), range(len(boxes) - 1, -1, -1)):
            anchor: str | None = None  # the nearest kept paragraph of the boxes passed
            for index in order:
                box, after = boxes[index], order.step > 0
                if kept[index]:
                    anchor = kept[index][-1 if after else 0]
                elif not box.prose:
                    anchor = None  # a box of another use breaks the run
                elif anchor is not None and (place := _element_of(body, anchor)) is not None:
                    for tag, text in reversed(box.blocks) if after else box.blocks:
                        new = Element("p" if tag == "p" else "head")
                        if tag != "p":
                            new.set("rend", tag)
                        new.text = text
                        place.addnext(new) if after else place.addprevious(new)
                    if not (place.tail or "").strip():
                        place.tail = None  # the layout's whitespace, which would lead a line
                    kept[index] = box.prose
                    anchor = box.prose[-1 if after else 0]
                    restored = True
    return restored


def _element_of(body: _Element, text: str) -> _Element | None:
    key = text[:_KEY_CHARS]
    for child in body:
        if key in " ".join(" ".join(child.itertext()).split()):
            return child
    return None
