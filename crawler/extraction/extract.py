"""Article text and metadata from a page's bytes: decoding, one HTML parse, trafilatura.

A pure function of (bytes, headers, URL, options), so that it can run in worker processes.
trafilatura is used as a library only: Scrapy downloads, and feeds and sitemaps are read by
the spiders. Its options were chosen by measurement (``bench/extraction_options.py``).
"""

from __future__ import annotations

import copy
import logging
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import build_html_output
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt

from crawler.exceptions import NotText
from crawler.extraction import lean, prefilter
from crawler.extraction.boilerplate import (
    Links,
    prune,
    prune_text,
    unwrap_layout,
    verdict,
    without_blanks,
    without_restated,
    without_runs,
)
from crawler.extraction.encoding import binary_share, decode_html
from crawler.extraction.evidence import (
    HeadTags,
    PageEvidence,
    headline_agrees,
    page_evidence,
    without_node,
)
from crawler.extraction.extracted import Extracted, ExtractionOptions
from crawler.extraction.htmltree import extract_owned, parse_html
from crawler.extraction.lead import find_lead, has_lead, named_leads, prepend_lead, standfirst_of
from crawler.extraction.pagecuts import (
    VISIBLE_TEXT,
    WALL_WORDS,
    cuts,
    outermost,
    pitches,
)
from crawler.extraction.reconcile import (
    as_printed,
    is_better_body,
    once,
    with_headings,
    with_lead,
    with_paragraphs,
)
from crawler.extraction.sections import Box, restore, story_boxes
from crawler.utils.dates import parse_date
from crawler.utils.text import primary_language, words
from crawler.utils.urls import absolute_http_url

logger = logging.getLogger(__name__)

# Text in any language has next to no control characters; binary data decoded has many.
MAX_BINARY_SHARE = 0.05

# A text shorter than this is more often trafilatura's miss than the article (a story in
# elements its balanced mode passes over): its recall mode gets a second try at the page, and
# its text is taken when it is at least this long and twice as long (on a page without an
# article, what recall mode finds more is menus and teasers).
RETRY_CHARS = 300


def trafilatura_options(options: ExtractionOptions) -> Extractor:
    """A trafilatura options object, built once and copied per page."""
    return Extractor(
        output_format="python",
        precision=options.favor == "precision",
        recall=options.favor == "recall",
        comments=False,  # reader comments are not the article
        tables=options.tables,
        images=False,
        links=False,
        dedup=False,  # trafilatura's dedup is a process-global cache, not ours to rely on
        with_metadata=True,
    )


class ArticleExtractor:
    """Extracts articles with one set of options; build once, call per page."""

    def __init__(self, options: ExtractionOptions | None = None) -> None:
        self.options = options or ExtractionOptions()
        self._template = trafilatura_options(self.options)
        self._retry = (
            trafilatura_options(replace(self.options, favor="recall"))
            if self.options.favor == "balanced"
            else None
        )
        lean.install()
        prefilter.install()

    def __call__(
        self,
        body: bytes,
        url: str,
        content_type: str | None = None,
        content_language: str | None = None,
        feed_text: str | None = None,
    ) -> Extracted | None:
        """Extract the article on a page, or None when there is no article text at all.

        ``feed_text`` is the article's text as its feed gave it (``content:encoded``), a witness
        weighed against the page's JSON-LD body and trafilatura's text
        (``crawler.extraction.reconcile``).
        """
        html, encoding = decode_html(body, content_type)
        if not html.strip():
            return None
        if (share := binary_share(html)) > MAX_BINARY_SHARE:
            raise NotText(f"{share:.0%} of its first characters are control or undecodable")
        tree = parse_html(html)
        if tree is None:
            return None
        head = HeadTags(tree)
        language = _declared_language(tree, head) or primary_language(content_language)
        canonical = _canonical_url(head, url)
        og_type = head.first(("property", "og:type")) or ""
        evidence = checked(page_evidence(tree, head), tree, head)
        stamp = parse_date(evidence.meta_published)
        paywall_box = False
        for element in pitches(tree):
            paywall_box = paywall_box or bool(WALL_WORDS.search(element.text_content()))
            element.drop_tree()
        for element in cuts(tree, head, html):
            element.drop_tree()
        page_words: frozenset[str] | None = None  # only when there is a body to weigh
        if evidence.body or feed_text:  # read now: trafilatura prunes the tree it is given
            page_words = frozenset(words(" ".join(VISIBLE_TEXT(tree))))
        links = Links(tree, url, canonical)  # read now: trafilatura prunes the tree it is given
        captions = captions_of(tree)
        boxes = story_boxes(tree)
        lead = find_lead(tree, head)
        standfirsts = named_leads(tree, head)
        lean.set_page_language(language)
        authors = [*evidence.authors, *evidence.byline]
        document, text = _main_text(tree, self._template, url, links, authors, captions, boxes)
        if len(text) < RETRY_CHARS and self._retry is not None:
            again = parse_html(html)  # the first tree is spent: trafilatura prunes in place
            if again is not None:
                for element in outermost([*pitches(again), *cuts(again, head, html)]):
                    element.drop_tree()
                retried, longer = _main_text(
                    again, self._retry, url, links, authors, captions, boxes
                )
                if len(longer) >= RETRY_CHARS and len(longer) > 2 * len(text):
                    document, text = retried, longer
        text_source = "trafilatura"
        shown = len(text) >= RETRY_CHARS
        subheadings = headings(document)  # read once: the bodies and the restatements use them
        for source, candidate in (("jsonld", evidence.body), ("feed", feed_text)):
            if not candidate:
                continue
            # judged as it would stand: once, in paragraphs, its boilerplate gone
            body = with_paragraphs(once(candidate), text)
            body = prune_text(body, links, captions, authors, subheadings)[0]
            # a node's headline was checked against the page's (`checked`); a feed's entry may
            # lead to a consent wall or a page of errors, which show no story either
            drawn = not shown and source == "jsonld" and evidence.headline is not None
            if is_better_body(body, text, page_words, drawn):  # type: ignore[arg-type]
                body = with_headings(as_printed(body, text), text, subheadings)
                text, text_source = with_lead(body, text), source
                break
        if not text:
            return None
        if lead is None or has_lead(text, lead):
            # a block that reads as boilerplate (a disclosure, a call to subscribe) is no lead
            leads = [found for found in standfirsts if verdict(found[0], links) is None]
            lead = standfirst_of(text, leads)
        text = prepend_lead(text, lead, document.title if document is not None else None)
        # a teaser of a paragraph, a pull quote, a lead said again
        text = without_restated(text, subheadings, [*quotes(document), *captions], captions)
        text = without_blanks(without_runs(text))
        if not text:
            return None
        found = Extracted(
            # composed characters, as trafilatura's own text output gives them: some pages
            # are served decomposed (NFD), which neither search nor deduplication expects
            text=unicodedata.normalize("NFC", text),
            encoding=encoding,
            language=language,
            canonical_url=canonical,
            declared_article=og_type.strip().lower() == "article",
            paywall_box=paywall_box,
            text_source=text_source,
            evidence=evidence,
        )
        if document is not None:
            found.title = _clean(document.title)
            found.authors = _split_authors(document.author)
            found.date = _precise(document.date or None, stamp)
            found.sitename = _clean(document.sitename)
            found.description = _clean(document.description)
            found.tags = _unique([*(document.categories or []), *(document.tags or [])])
            found.image = document.image or None
            if self.options.content_format and document.body is not None:
                found.content = _structured(document, self.options.content_format)
        return found


# A picture's caption: a <figcaption>, or an element named for one ("wp-caption-text",
# "image-caption", "imageCaption"), as blogs and older templates set them.
_NAMED_CAPTIONS = XPath("//body//*[contains(@class, 'aption')]")
_CAPTION_CHARS = 300  # a caption's words; a wrapper named "caption" may hold more
_CAPTION_START = 12  # a paragraph that opens otherwise than every caption says none


def captions_of(tree: HtmlElement) -> frozenset[str]:
    """The texts of the page's pictures' captions, read before trafilatura prunes the tree;
    not one that a paragraph of the page says whole: a caption that quotes the story's
    paragraph leaves that paragraph the story's."""
    elements = [*tree.iter("figcaption"), *_NAMED_CAPTIONS(tree)]
    texts = {" ".join(element.text_content().split()) for element in elements}
    captions = {text for text in texts if text and len(text) < _CAPTION_CHARS}
    if not captions:
        return frozenset()
    inside = {p for element in elements for p in element.iter("p")}  # (held: ids are reused)
    starts = {caption[:_CAPTION_START] for caption in captions}
    for paragraph in tree.iter("p"):
        opening = " ".join((paragraph.text or "").split())[:_CAPTION_START]
        if paragraph in inside or (len(opening) == _CAPTION_START and opening not in starts):
            continue  # (its text read only when it may be a caption's)
        captions.discard(" ".join(paragraph.text_content().split()))
    return frozenset(captions)


def _main_text(
    tree: HtmlElement,
    template: Extractor,
    url: str,
    links: Links,
    authors: list[str],
    captions: frozenset[str],
    boxes: list[list[Box]],
) -> tuple[Any, str]:
    """trafilatura's document of the page and its text, boilerplate pruned; ``authors``: the
    names the page's markup gives, to which trafilatura's reading of the byline is added;
    ``boxes``: the page's runs of boxes of one kind, whose left-out sections go back in."""
    options = copy.copy(template)
    options.url = options.source = url
    document = extract_owned(tree, options)
    if document is None:
        return None, ""
    authors = [*authors, *_split_authors(document.author)]
    if document.body is not None and (
        unwrap_layout(document.body)
        | restore(document.body, boxes)
        | bool(prune(document.body, links, document.title, authors, captions))
    ):
        document.text = xmltotxt(document.body, include_formatting=False)
    return document, (document.text or "").strip()


def quotes(document: Any) -> list[str]:
    """The lines of the quotes in trafilatura's result (a pull quote is one), as its text
    gives them: each paragraph, each line of a paragraph cut by line breaks."""
    if document is None or document.body is None:
        return []
    found = []
    for quote in document.body.iter("quote"):
        for paragraph in list(quote.iter("p")) or [quote]:
            breaks = list(paragraph.iter("lb"))
            for line_break in breaks:
                line_break.text = "\n"  # for a moment: the lines' text with their breaks
            try:
                found.extend("".join(paragraph.itertext()).split("\n"))
            finally:
                for line_break in breaks:
                    line_break.text = None
    return found


def headings(document: Any) -> list[str]:
    """The texts of the headings in trafilatura's result."""
    if document is None or document.body is None:
        return []
    return ["".join(head.itertext()) for head in document.body.iter("head")]


def checked(evidence: PageEvidence, tree: HtmlElement, head: HeadTags) -> PageEvidence:
    """The evidence without a JSON-LD node whose headline is not this page's: a template's
    node of another story, whose body, authors and dates are not this article's either."""
    if evidence.headline and not headline_agrees(evidence.headline, tree, head):
        logger.debug("JSON-LD of another story set aside: %r", evidence.headline)
        return without_node(evidence)
    return evidence


def _structured(document: Any, form: str) -> str | None:
    """The extracted body as Markdown (headings, lists, emphasis kept) or as HTML."""
    if form == "markdown":
        return xmltotxt(document.body, include_formatting=True).strip() or None
    return build_html_output(document) or None


def _precise(date: str | None, stamp: datetime | None) -> str | None:
    """trafilatura's date (a day), made precise by the page's own timestamp of that day.

    trafilatura finds the right day more often than a single meta tag; the tag has the time.
    """
    if stamp is None or (date and stamp.date().isoformat() != date):
        return date
    if stamp.hour or stamp.minute or stamp.second:
        return stamp.isoformat()
    return date or stamp.date().isoformat()


def _canonical_url(head: HeadTags, url: str) -> str | None:
    for value in [*head.links.get("canonical", ()), *head.values(("property", "og:url"))]:
        absolute = absolute_http_url(value, url)
        if absolute:
            return absolute
    return None


def _declared_language(tree: HtmlElement, head: HeadTags) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *head.values(("http-equiv", "content-language"), ("property", "og:locale")),
    ]
    for candidate in candidates:
        language = primary_language(candidate)
        if language:
            return language
    return None


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return _unique(part.strip() for part in value.split(";"))


def _unique(values: Iterable[str]) -> list[str]:
    """Non-empty values with whitespace folded, first spelling kept, case-insensitively unique."""
    kept: list[str] = []
    folded: set[str] = set()
    for value in values:
        text = " ".join(str(value).split())
        if text and text.casefold() not in folded:
            folded.add(text.casefold())
            kept.append(text)
    return kept


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return unicodedata.normalize("NFC", " ".join(value.split())) or None


_EXTRACTORS: dict[ExtractionOptions, ArticleExtractor] = {}


def extract_page(
    body: bytes,
    url: str,
    content_type: str | None,
    content_language: str | None,
    options: ExtractionOptions,
    feed_text: str | None = None,
) -> Extracted | None:
    """``ArticleExtractor`` as a plain function, for worker processes: one extractor per
    process and set of options, built on first use."""
    extractor = _EXTRACTORS.get(options)
    if extractor is None:
        extractor = _EXTRACTORS[options] = ArticleExtractor(options)
    return extractor(body, url, content_type, content_language, feed_text)


_WARM_UP_PAGE = (
    "<html lang='en'><head><title>Warm-up</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Warm-up</h1>"
    + "<p>The council met on Monday to discuss the budget for the coming year.</p>" * 4
    + "</article></body></html>"
).encode()


def warm_up() -> None:
    """Build now what trafilatura builds on first use: its union of all justext stop lists
    (22 MB, ``crawler.extraction.lean``; a worker meets a page that needs it within its first few
    dozen) and lazily imported modules. Run by each worker as it starts
    (``crawler.extraction.workers.start_worker``), or once by a preloaded forkserver
    (``crawler.extraction.preload``).
    """
    global _warm
    if _warm:  # a worker forked from a preloaded server is warm already
        return
    from trafilatura import external

    extract_page(_WARM_UP_PAGE, "http://127.0.0.1/warm-up", "text/html", None, ExtractionOptions())
    if not external.JT_STOPLIST:
        external.jt_stoplist_init()
    _warm = True


_warm = False
