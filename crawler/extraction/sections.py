"""The story's sections that trafilatura leaves out.

Page builders set a story in sibling boxes of one kind (a Bootstrap row per section, a
"textmodul" per block of text), and trafilatura takes the box it scores best, or a few of them:
the rest of the story is lost. Readability joins the siblings of its best candidate; this
module does the same for boxes of the story's kind: a box that shares its tag and class with a
box whose prose trafilatura kept, and holds prose of its own, is the story's too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import Element, XPath, _Element
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
# More boxes of one kind than this are a list (of products, of other stories, of comments),
# not a story's sections; and they would cost more to compare than a page should.
MAX_BOXES = 40
# Boxes so named are other stories', comments, or the page's frame, whatever their kind: a
# class or id that begins with one of these words ("comments", "related-posts"; not a
# modifier such as "content-header--social-icons", nor the body's "navigation-border").
_ELSEWHERE = re.compile(
    r"(?:^|\s)(?:comment|related|teaser|sidebar|footer|widget|share|social|newsletter|promo"
    r"|author|nav|modal|dialog|popup|overlay|cookie|consent)",
    re.IGNORECASE,
)
_FRAME = ("form", "nav", "aside", "footer")
# A box that may hold prose: a paragraph long enough for MIN_PROSE_WORDS, or text of its own.
_MAY_HOLD_PROSE = XPath(
    "boolean(.//p[string-length(.) >= 100]"
    " or (not(.//div or .//section) and string-length(.) >= 100))"
)
# A block is found in trafilatura's text by its opening characters, spaces left out (a line
# break is a space in one and nothing in the other); a shorter block only as a block whole.
_KEY_CHARS = 50


@dataclass
class Box:
    """A box's headings and paragraphs, read before trafilatura prunes the page."""

    blocks: list[tuple[str, str]]  # (tag, text) of its headings and paragraphs, in order
    prose: list[str]  # the paragraphs of prose among them


def story_boxes(tree: HtmlElement) -> list[list[Box]]:
    """Runs of sibling boxes of one kind (tag and class) that hold prose, read before
    trafilatura prunes the tree."""
    kinds: dict[tuple[object, str, str], list[HtmlElement]] = {}
    body = tree.find("body")
    if body is None:
        return []
    for element in body.iter(*_BOXES):
        name = " ".join((element.get("class") or "").split())
        if name:
            kinds.setdefault((element.getparent(), element.tag, name), []).append(element)
    runs = []
    for (parent, _, name), members in kinds.items():
        if not 2 <= len(members) <= MAX_BOXES or _ELSEWHERE.search(name) or _elsewhere(parent):
            continue
        if sum(1 for member in members if _MAY_HOLD_PROSE(member)) < 2:
            continue  # (asked of the page's C library: most kinds hold no prose at all)
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
    """Whether an element sits in a link inside ``box``: "<a href=...><h3>...</h3></a>"."""
    anchor = next(element.iterancestors("a"), None)
    return anchor is not None and any(above is box for above in anchor.iterancestors())


def _read(box: HtmlElement) -> Box:
    if _link_chars(box) > MAX_BOX_LINK_SHARE * len(_text(box)):
        return Box([], [])  # a menu, a footer's columns, a list of other stories
    blocks: list[tuple[str, str]] = []
    prose: list[str] = []
    for element in box.iter(*_BLOCKS):
        text = _text(element)
        if not text or _elsewhere(element.getparent(), box):
            continue
        if element.tag != "p" and (
            next(element.iter("a"), None) is not None or _linked(element, box)
        ):
            return Box([], [])  # a linked headline: another story's card
        blocks.append((element.tag, text))
        if element.tag == "p" and _is_prose(text, element):
            prose.append(text)
    if not blocks and next(box.iterdescendants(*_BOXES), None) is None:
        # text set in the box itself, "<div class='textmodul'>Bei dünneren ...</div>"
        text = _text(box)
        if _is_prose(text, box):
            return Box([("p", text)], [text])
    return Box(blocks, prose)


def _text(element: HtmlElement) -> str:
    """An element's text, a line break read as a space ("KIEL, 3 May<br>The ...")."""
    if next(element.iter("br"), None) is None:
        return " ".join(element.text_content().split())
    parts: list[str] = []
    _gather(element, parts)
    return " ".join("".join(parts).split())


def _gather(element: HtmlElement, parts: list[str]) -> None:
    if isinstance(element.tag, str):  # not a comment
        parts.append(" " if element.tag == "br" else element.text or "")
        for child in element:
            _gather(child, parts)
            parts.append(child.tail or "")


def _link_chars(element: HtmlElement) -> int:
    return sum(len(_text(anchor)) for anchor in element.iter("a"))


def _is_prose(text: str, element: HtmlElement) -> bool:
    linked = _link_chars(element)
    return len(text.split()) >= MIN_PROSE_WORDS and linked <= MAX_LINK_SHARE * len(text)


def restore(body: _Element, runs: list[list[Box]]) -> bool:
    """Put back, into trafilatura's result ``body``, the boxes of prose it left out beside a
    box of the same kind whose prose it kept (after it, then before it); whether any was."""
    if not runs:
        return False  # most pages: nothing to read the result for
    children = [child for child in body if isinstance(child.tag, str)]
    said = [_squeezed(" ".join(child.itertext())) for child in children]
    told = "".join(said)
    restored = False
    for boxes in runs:
        kept = [any(_key(text) in told for text in box.prose) for box in boxes]
        share = sum(
            len(_squeezed(text))
            for box, k in zip(boxes, kept, strict=True)
            if k
            for text in box.prose
        )
        if not told or share < MIN_KEPT_SHARE * len(told):
            continue
        for after in (True, False):
            place: int | None = None  # the child that holds the nearest kept box's edge
            for index in range(len(boxes)) if after else range(len(boxes) - 1, -1, -1):
                box = boxes[index]
                if kept[index]:
                    place = _edge(said, box, after)
                elif not box.prose:
                    place = None  # a box of another use breaks the run
                elif place is not None:
                    place = _insert(children, said, place, box, after)
                    kept[index] = restored = True
    return restored


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _key(text: str) -> str:
    return _squeezed(text)[:_KEY_CHARS]


def _edge(said: list[str], box: Box, last: bool) -> int | None:
    """The child of trafilatura's result that holds a box's last block (or first), or None."""
    keys = [_key(text) for _, text in box.blocks]
    found = [
        at
        for at, text in enumerate(said)
        if any(key == text if len(key) < _KEY_CHARS else key in text for key in keys)
    ]
    return (found[-1] if last else found[0]) if found else None


def _insert(children: list[_Element], said: list[str], place: int, box: Box, after: bool) -> int:
    """Put a box's blocks after (or before) the child at ``place``, keeping ``children`` and
    ``said`` in step with the result; the place of the box's outermost block."""
    anchor = children[place]
    if after and not (anchor.tail or "").strip():
        anchor.tail = None  # the layout's whitespace, which would lead the next line
    at = place + 1 if after else place
    for offset, (tag, text) in enumerate(box.blocks):
        new = Element("p" if tag == "p" else "head")
        if tag != "p":
            new.set("rend", tag)
        new.text = text
        if offset == 0:
            anchor.addnext(new) if after else anchor.addprevious(new)
        else:
            children[at + offset - 1].addnext(new)
        children.insert(at + offset, new)
        said.insert(at + offset, _squeezed(text))
    return at + len(box.blocks) - 1 if after else at
