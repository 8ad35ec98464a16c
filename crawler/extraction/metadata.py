"""trafilatura's metadata of a page, the same answers at less cost.

``trafilatura.metadata.extract_metadata`` costs about a quarter of a news page's extraction
(5 ms of some 21 on the pages of ``bench.throughput``), and three of its steps pay for what
this crawler does not use or need not redo:

- the license (``extract_license``: every link of the page and its footer probed for Creative
  Commons marks): no record field holds it;
- the author's byline, looked for when the head and JSON-LD name nobody (half of the pages):
  ``extract_author`` deep-copies the whole page, deletes the comments, dates, figures and
  sidebars from the copy, then runs its author XPaths on what is left. Here the page is read
  as it is and a hit is set aside when it lies in what would have been deleted, its text read
  as the deletion would have left it (each deleted element's tail joined to the text before
  it), and nothing is copied. The three author XPaths and the deletion's are answered by one
  walk of the page that tests each element's tag and attributes in Python: lxml runs each
  XPath as a walk of its own and each ``re:test`` in it as a call into Python, four walks
  where one does;
- categories and tags, looked for when the head names none: up to ten XPaths over the whole
  page, each for a class or id of blog themes (``entry-meta``, ``cat-links``, ``tags``...).
  Here the page's class and id values are read once, and an XPath runs only when one of them
  is what it looks for.

Each step is trafilatura's own function or its code, in its order, read from trafilatura 2.3;
when its ``extract_metadata``, ``extract_author`` or ``extract_catstags`` is another code (a
new release), or an XPath another text, trafilatura's own function runs. Tests hold the two to
the same answers, on the golden pages and on the 1,100 real pages of ``../shared``.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from lxml.etree import Element, XPath
from lxml.html import HtmlElement
from trafilatura import metadata as _trafilatura
from trafilatura import xpaths
from trafilatura.baseline import block_text
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import line_processing, trim

# Digests of the code these steps were read from (trafilatura 2.3.x): the functions followed,
# the deletion the byline's search stands in for, the XPaths' module.
_READ_FROM = {
    "extract_metadata": "d7a3b1597c352e98",
    "extract_author": "9790e423408431e7",
    "extract_metainfo": "718067d927eae4f3",
    "extract_catstags": "ee002a37fc42f95e",
    "prune_unwanted_nodes": "4883202e76ec0ef6",
    "delete_element": "7682086ad334b096",
    "xpaths": "fef01a5f413ae0b3",
}
# What each XPath of CATEGORIES_XPATHS and TAGS_XPATHS needs to find anything, read from its
# predicates: a class or id value on the page that is one of ``equal``, starts with one of
# ``starts`` or holds one of ``holds`` (a need may be wider than the XPath's, never narrower).
# By the digest of its text, as trafilatura writes it and as crawler.extraction.prefilter
# guards it.
Need = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # (equal, starts, holds)
_NEEDS: dict[str, Need] = {
    # //div[re:test(@class, '^(?:post-?info|post-?meta|meta|entry-meta|entry-info|
    #   entry-utility)') or starts-with(@id, 'postpath')]//a[@href]
    "2c1aab4bded0": ((), ("post", "meta", "entry-"), ()),
    "02f615009169": ((), ("post", "meta", "entry-"), ()),
    # //p[starts-with(@class, 'postmeta') or starts-with(@class, 'entry-categories') or
    #   @class='postinfo' or @id='filedunder']//a[@href]
    "1b331db97c5a": (("postinfo", "filedunder"), ("postmeta", "entry-categories"), ()),
    # //footer[starts-with(@class, 'entry-meta') or starts-with(@class, 'entry-footer')]//a[@href]
    "1925322e41ad": ((), ("entry-meta", "entry-footer"), ()),
    # //*[self::li or self::span][@class='post-category' or @class='postcategory' or
    #   @class='entry-category' or contains(@class, 'cat-links')]//a[@href]
    "f49ef97e33fa": (("post-category", "postcategory", "entry-category"), (), ("cat-links",)),
    # //header[@class='entry-header']//a[@href]
    "bd7a1bc8a4c6": (("entry-header",), (), ()),
    # //div[@class='row' or @class='tags']//a[@href]
    "78dbfa4cf12c": (("row", "tags"), (), ()),
    # //div[@class='tags']//a[@href]
    "11e635d013e0": (("tags",), (), ()),
    # //p[starts-with(@class, 'entry-tags')]//a[@href]
    "ca403a329b16": ((), ("entry-tags",), ()),
    # //div[@class='row' or @class='jp-relatedposts' or @class='entry-utility' or
    #   re:test(@class, '^(?:tag|postmeta|meta)')]//a[@href]
    "e65cebbde480": (("row", "jp-relatedposts", "entry-utility"), ("tag", "postmeta", "meta"), ()),
    "539849659403": (("row", "jp-relatedposts", "entry-utility"), ("tag", "postmeta", "meta"), ()),
    # //*[@class='entry-meta' or contains(@class, 'topics') or contains(@class, 'tags-links')]
    #   //a[@href]
    "00efacb25c64": (("entry-meta",), (), ("topics", "tags-links")),
}
_SECTION = XPath(
    './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
)
AUTHOR_MAX_CHARS = 120  # extract_author's len_limit


def _digest(function: Callable[..., Any]) -> str:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return ""
    return hashlib.blake2b(source.encode(), digest_size=8).hexdigest()


def _is_read_code() -> bool:
    from trafilatura import htmlprocessing, xml

    functions = {
        **{name: getattr(_trafilatura, name) for name in _READ_FROM if hasattr(_trafilatura, name)},
        "prune_unwanted_nodes": htmlprocessing.prune_unwanted_nodes,
        "delete_element": xml.delete_element,
        "xpaths": xpaths,
    }
    return all(_digest(functions.get(name)) == digest for name, digest in _READ_FROM.items())


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
    attributes = _Attributes(tree)
    if not metadata.categories:
        metadata.categories = catstags_of("category", tree, attributes)
    if not metadata.tags:
        metadata.tags = catstags_of("tag", tree, attributes)
    metadata.filedate = date_config.get("max_date")
    metadata.clean_and_trim()
    return metadata


def author_of(tree: HtmlElement) -> str | None:
    """``extract_author(tree)``: the first byline of AUTHOR_MAX_CHARS or less found by the
    author XPaths, in their order, outside what AUTHOR_DISCARD_XPATHS mark."""
    if tree.getparent() is not None or next(tree.iter("rel"), None) is not None:
        # A fragment of a page (what lxml gives for a page without its <html>): the XPaths
        # would reach its ancestors, which trafilatura's copy leaves out. A child <rel>
        # element: an author XPath tests it, and the deletion could take it away.
        return _trafilatura.extract_author(tree)
    hits, discarded = _author_walk(tree)
    discarded.discard(tree)  # the copy's root has no parent to be deleted from
    for found in hits:
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


# AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS as trafilatura 2.3 writes them (the xpaths module's
# digest in _READ_FROM guards this reading), as tests of an element's tag and attributes.
# [0]: the byline's own markup, or an <author> element (its ``rel='me'`` tests a child <rel>:
# author_of hands pages with one to trafilatura)
_BYLINE_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_BYLINE_CLASS = re.compile("author-?name|AuthorName|authorName").search
_BYLINE_TEST_IDS = ("AuthorCard", "AuthorURL")
# [1]: names bylines go by
_NAMED_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_NAMED_CLASSES = ("byline", "username", "byl", "BBL")
_NAMED_ID = re.compile("author|zuozhe|bianji|xiaobian").search
_NAMED_CLASS = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
).search
# [2]: any element
_ANY_ID = re.compile("[Aa]uthor").search
_ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline").search
# the deletion: comments, sidebars, quotes, figures, dates
_DELETED_TAGS = frozenset({"a", "div", "section", "span"})
_DELETED_CLASSES = ("comments", "title", "date")
_DELETED_ID = re.compile("^comments|comment-?list|ProductReviews").search
_DELETED_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer"
).search
_DELETED_ELEMENTS = frozenset({"time", "figure"})


def _author_walk(tree: HtmlElement) -> tuple[list[list[HtmlElement]], set[HtmlElement]]:
    """What each of AUTHOR_XPATHS finds on a whole page, in document order, and what
    AUTHOR_DISCARD_XPATHS find, in one walk of the page (tests hold it to the XPaths)."""
    hits: list[list[HtmlElement]] = [[], [], []]
    discarded: set[HtmlElement] = set()
    for element in tree.iter(Element):
        tag = element.tag
        if tag == "author":
            hits[0].append(element)
        elif tag in _DELETED_ELEMENTS:
            discarded.add(element)
        if not len(element.attrib):
            continue
        get = element.get
        cls, id_, prop, component = get("class"), get("id"), get("itemprop"), get("data-component")
        author_prop = prop is not None and "author" in prop
        if tag in _BYLINE_TAGS and (
            get("rel") == "author"
            or id_ == "author"
            or cls == "author"
            or prop == "author name"
            or get("data-testid") in _BYLINE_TEST_IDS
            or (cls is not None and _BYLINE_CLASS(cls))
        ):
            hits[0].append(element)
        if tag in _NAMED_TAGS and (
            cls in _NAMED_CLASSES
            or author_prop
            or (id_ is not None and _NAMED_ID(id_))
            or (cls is not None and _NAMED_CLASS(cls))
        ):
            hits[1].append(element)
        if (
            (component is not None and "Byline" in component)
            or author_prop
            or (id_ is not None and _ANY_ID(id_))
            or (cls is not None and _ANY_CLASS(cls))
        ):
            hits[2].append(element)
        if tag in _DELETED_TAGS and (
            id_ == "comments"
            or cls in _DELETED_CLASSES
            or (id_ is not None and _DELETED_ID(id_))
            or (cls is not None and _DELETED_CLASS(cls))
            or (component is not None and "Figure" in component)
        ):
            discarded.add(element)
    return hits, discarded


class _Attributes:
    """The page's class and id values, read when first asked."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self.values: list[str] | None = None

    def meet(self, need: Need) -> bool:
        if self.values is None:
            # the whole document: the XPaths start from its root, also for a fragment
            root = self.tree.getroottree().getroot()
            self.values = [
                value
                for element in root.iter(Element)  # in Python: faster than an XPath
                for value in (element.get("class"), element.get("id"))
                if value is not None
            ]
            self.set = frozenset(self.values)
            # each value on a line of its own: a value that starts with a prefix is the prefix
            # after a line's start, found by one substring search instead of a loop of them
            self.joined = "\n" + "\n".join(self.values)
        equal, starts, holds = need
        return (
            any(value in self.set for value in equal)
            or any("\n" + start in self.joined for start in starts)
            or any(value in self.joined for value in holds)
        )


def catstags_of(metatype: str, tree: HtmlElement, attributes: _Attributes) -> list[str]:
    """``extract_catstags(metatype, tree)``, each of its XPaths run only when the page has a
    class or id value it needs (most pages have none: up to ten XPaths over the whole page
    for nothing)."""
    expressions = xpaths.CATEGORIES_XPATHS if metatype == "category" else xpaths.TAGS_XPATHS
    needs = [_NEEDS.get(_path_digest(expression.path)) for expression in expressions]
    if any(need is None for need in needs):
        return _trafilatura.extract_catstags(metatype, tree)
    pattern = "/" + metatype.rstrip("y") + "(?:y|ies|s)?/"
    results: list[str] = []
    for expression, need in zip(expressions, needs, strict=True):
        if not attributes.meet(need):  # type: ignore[arg-type]
            continue
        results.extend(
            block_text(element)
            for element in expression(tree)
            if re.search(pattern, element.attrib["href"])
        )
        if results:
            break
    if metatype == "category" and not results:
        results.extend(element.attrib["content"] for element in _SECTION(tree))
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


@cache
def _path_digest(path: str) -> str:
    return hashlib.blake2b(" ".join(path.split()).encode(), digest_size=6).hexdigest()


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
