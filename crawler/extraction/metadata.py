"""trafilatura's metadata of a page, the same answers at a third less cost.

``trafilatura.metadata.extract_metadata`` costs about a quarter of a news page's extraction
(5 ms of some 21 on the pages of ``bench.throughput``), and two of its steps pay for what this
crawler does not use:

- the license (``extract_license``: every link of the page and its footer probed for Creative
  Commons marks): no record field holds it;
- the author's byline, looked for when the head and JSON-LD name nobody (half of the pages):
  ``extract_author`` deep-copies the whole page, deletes the comments, dates, figures and
  sidebars from the copy, then runs its author XPaths on what is left. Here the XPaths run on
  the page as it is and a hit is set aside when it lies in what would have been deleted, its
  text read as the deletion would have left it (each deleted element's tail joined to the text
  before it). Most pages have no hit at all, and then nothing is deleted or copied.

Each step is trafilatura's own function, in its order. The steps are read from trafilatura
2.3; when its ``extract_metadata`` or ``extract_author`` is another code (a new release),
``page_metadata`` is trafilatura's own function. Tests hold the two to the same answers.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from typing import Any

from lxml.html import HtmlElement
from trafilatura import metadata as _trafilatura
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

# Digests of the code these steps were read from (trafilatura 2.3.x).
_READ_FROM = {
    "extract_metadata": "d7a3b1597c352e98",
    "extract_author": "9790e423408431e7",
}
AUTHOR_MAX_CHARS = 120  # extract_author's len_limit


def _digest(function: Callable[..., Any]) -> str:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return ""
    return hashlib.blake2b(source.encode(), digest_size=8).hexdigest()


def _is_read_code() -> bool:
    return all(_digest(getattr(_trafilatura, name)) == d for name, d in _READ_FROM.items())


def page_metadata(
    tree: HtmlElement,
    default_url: str | None = None,
    date_config: dict[str, Any] | None = None,
    extensive: bool = True,
    author_blacklist: set[str] | None = None,
) -> Document:
    """``extract_metadata(tree, ...)`` without the license, the author found without a copy."""
    if not _READ:
        return _trafilatura.extract_metadata(
            tree, default_url, date_config, extensive, author_blacklist
        )
    author_blacklist = author_blacklist or set()
    date_config = {**date_config} if date_config else set_date_params(extensive)
    metadata = _trafilatura.examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = _trafilatura.extract_meta_json(tree, metadata)
    except Exception as err:  # as trafilatura guards it: bugs in its JSON-LD reading
        _trafilatura.LOGGER.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = _trafilatura.extract_title(tree)
    if metadata.author and author_blacklist:
        metadata.author = _trafilatura.check_authors(metadata.author, author_blacklist)
    if not metadata.author:
        metadata.author = author_of(tree)
    if metadata.author and author_blacklist:
        metadata.author = _trafilatura.check_authors(metadata.author, author_blacklist)
    if not metadata.url:
        metadata.url = _trafilatura.extract_url(tree, default_url)
    if metadata.url:
        metadata.hostname = _trafilatura.extract_domain(metadata.url, fast=True)
    date_config["url"] = metadata.url
    metadata.date = _trafilatura.find_date(tree, **date_config)
    if not metadata.sitename:
        metadata.sitename = _trafilatura.extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if (
            metadata.sitename
            and "." not in metadata.sitename
            and not metadata.sitename[0].isupper()
        ):
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (found := _trafilatura.META_URL.match(metadata.url)):
        metadata.sitename = found[1]
    if not metadata.categories:
        metadata.categories = _trafilatura.extract_catstags("category", tree)
    if not metadata.tags:
        metadata.tags = _trafilatura.extract_catstags("tag", tree)
    metadata.filedate = date_config.get("max_date")
    metadata.clean_and_trim()
    return metadata


def author_of(tree: HtmlElement) -> str | None:
    """``extract_author(tree)``: the first byline of AUTHOR_MAX_CHARS or less found by the
    author XPaths, in their order, outside what AUTHOR_DISCARD_XPATHS mark."""
    if next(tree.iter("rel"), None) is not None:
        # an author XPath tests a child <rel> element, which the deletion could take away
        return _trafilatura.extract_author(tree)
    discarded: set[HtmlElement] | None = None
    for expression in AUTHOR_XPATHS:
        found = expression(tree)
        if not found:
            continue
        if discarded is None:
            discarded = {element for path in AUTHOR_DISCARD_XPATHS for element in path(tree)}
        for element in found:
            if element in discarded or any(a in discarded for a in element.iterancestors()):
                continue
            pieces = _kept_text(element, discarded)
            if pieces is None:  # a comment or other node: read as trafilatura reads it
                return _trafilatura.extract_author(tree)
            content = trim(" ".join(pieces))
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                return _trafilatura.normalize_authors(None, content)
    return None


def _kept_text(element: HtmlElement, discarded: set[HtmlElement]) -> list[str] | None:
    """``element.itertext()`` as it would read once the ``discarded`` elements inside it are
    deleted by trafilatura's ``delete_element``: a deleted element's tail is joined, with no
    space, to the tail of the kept sibling before it, or to its parent's text. None when a
    child is not an element (the parser drops comments and processing instructions)."""
    pieces: list[str | None] = []
    if not _collect(element, discarded, pieces):
        return None
    return [piece for piece in pieces if piece is not None]


def _collect(element: HtmlElement, discarded: set[HtmlElement], pieces: list[str | None]) -> bool:
    pieces.append(element.text)
    slot = len(pieces) - 1  # where a deleted child's tail goes: the text before it
    for child in element:
        if not isinstance(child.tag, str):
            return False
        if child in discarded:
            if child.tail:
                pieces[slot] = (pieces[slot] or "") + child.tail
            continue
        if not _collect(child, discarded, pieces):
            return False
        pieces.append(child.tail)
        slot = len(pieces) - 1
    return True


_READ = _is_read_code()
