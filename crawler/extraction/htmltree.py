"""A page's one parse, and trafilatura run on that tree without copying it.

trafilatura's ``load_html`` and ``bare_extraction`` do three things this crawler need not pay
for on every page. ``load_html`` runs a regular expression over the whole text for the
characters XML forbids, and hands lxml a ``str`` (read as four bytes a character); here the
text is encoded once to UTF-8, the parser's own encoding, and the regular expression runs only
when a byte scan finds such a character. ``bare_extraction`` deep-copies a tree it is given,
to leave the caller's intact (trafilatura prunes its input in place); the tree here is parsed
for that one call, so it goes in as it is. And lxml.html asks a Python method which class to
give each element it hands out (``HtmlElementClassLookup``: thousands a page, as trafilatura's
XPaths and loops walk the tree); here lxml picks ``HtmlElement`` in C. Only the classes of form
fields differ (``FormElement``, ``InputElement``: their form API, which no extractor uses).
With the three, the crawler's whole extraction, which does more than trafilatura (evidence,
pitch boxes), costs less than trafilatura alone (``python -m bench.throughput``: a' against a).

The second relies on trafilatura's ``trafilatura_sequence`` and ``extract_metadata``, which are
not a stable API: when their signatures are not the ones read here, or when options ask for
anything this path does not do, ``bare_extraction`` runs as usual. The metadata are read by
``crawler.extraction.metadata.page_metadata``: trafilatura's answers, at less cost.
"""

from __future__ import annotations

import inspect
import logging
import re
from typing import Any

from lxml.etree import ElementDefaultClassLookup
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    document_fromstring,
    fromstring,
)
from trafilatura import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, HTML_PARSER, repair_faulty_html
from trafilatura.xml import xmltotxt

from crawler.extraction.metadata import page_metadata

logger = logging.getLogger(__name__)

# Bytes of the characters XML forbids (trafilatura's INVALID_XML_CHARS) in UTF-8: C0 controls
# other than tab, newline and carriage return, and U+FFFE/U+FFFF (EF BF BE, EF BF BF).
_C0_FORBIDDEN = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_ALL_BUT_C0_FORBIDDEN = bytes(b for b in range(256) if b not in _C0_FORBIDDEN)
# trafilatura's parser (same options), with lxml.html's element classes chosen in C.
PARSER = HTML_PARSER.copy()
PARSER.set_element_class_lookup(
    ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)
_FULL_DOCUMENT = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE).match  # lxml.html's test


def parse_html(html: str) -> HtmlElement | None:
    """The tree of a decoded page, as trafilatura's ``load_html`` would build it."""
    beginning = html[:50].lower()
    text = _repaired(html, beginning)
    data = text.encode("utf-8", "surrogatepass")
    if (
        data.translate(None, _ALL_BUT_C0_FORBIDDEN)
        or b"\xef\xbf\xbe" in data
        or b"\xef\xbf\xbf" in data
    ):
        text = repair_faulty_html(html, beginning)  # trafilatura's own, forbidden chars too
        data = text.encode("utf-8", "surrogatepass")
    try:
        # lxml tells a whole document from a fragment by its start; on bytes only ASCII
        # whitespace may come before "<html", on text any (a no-break space, U+3000): ask
        # the text, as load_html's parse of a str does.
        if _FULL_DOCUMENT(text):
            tree = document_fromstring(data, parser=PARSER)
        else:
            tree = fromstring(data, parser=PARSER)
    except Exception as exc:  # lxml's own errors on hostile input
        logger.debug("lxml could not parse the page: %s", exc)
        return None
    if "html" not in beginning and len(tree) < 2:  # not HTML at all (trafilatura's test)
        return None
    return tree


def _repaired(html: str, beginning: str) -> str:
    """trafilatura's repairs of the page's first line(s), which libxml2 misreads."""
    if "doctype" in beginning:  # https://bugs.launchpad.net/lxml/+bug/1955915
        first_line, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:  # a self-closing <html/> would end the page
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", html, count=1)
    return html


def _sequence_parts() -> tuple[Any, Any] | None:
    try:
        from trafilatura.core import trafilatura_sequence
        from trafilatura.metadata import extract_metadata
    except ImportError:
        return None
    metadata_arguments = ["filecontent", "default_url", "date_config", "extensive"]
    expected = (
        (trafilatura_sequence, ["tree", "options", "url"]),
        (extract_metadata, [*metadata_arguments, "author_blacklist"]),
    )
    for function, names in expected:
        if list(inspect.signature(function).parameters)[: len(names)] != names:
            return None
    # the same answers as extract_metadata, cheaper (or extract_metadata itself)
    return trafilatura_sequence, page_metadata


_PARTS = _sequence_parts()


def extract_owned(tree: HtmlElement, options: Extractor) -> Any:
    """``bare_extraction(tree, options=options)`` for a tree nobody uses afterwards: the same
    steps without the defensive copy. trafilatura prunes the tree in place; it is spent."""
    if _PARTS is None or not _plain(options):
        return bare_extraction(tree, url=options.url, options=options)
    trafilatura_sequence, extract_metadata = _PARTS
    try:
        document = extract_metadata(
            tree, options.url, options.date_params, options.fast, options.author_blacklist
        )
        result = trafilatura_sequence(tree, options, options.url or document.url)
    except (TypeError, ValueError):  # what bare_extraction turns into None
        return None
    if not isinstance(result, tuple) or len(result) != 4:
        raise RuntimeError(f"trafilatura_sequence gave {type(result).__name__}: update htmltree")
    body, text, _, comments = result
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return None
    document.text = document.raw_text = xmltotxt(body, options.formatting)
    document.body = body
    return document


def _plain(options: Extractor) -> bool:
    """Options this path does as ``bare_extraction`` does: metadata, Python output, and none
    of the filters (language, duplicates, URL blacklist, required metadata, tree size)."""
    return (
        options.format == "python"
        and options.with_metadata
        and not options.comments
        and not options.lang
        and not options.dedup
        and not options.url_blacklist
        and not options.only_with_metadata
        and not options.max_tree_size
    )
