"""Article text and metadata from a page's bytes: decoding, one HTML parse, trafilatura.

A pure function of (bytes, headers, URL, options), so that it can run in worker processes.
trafilatura is used as a library only: Scrapy downloads, and feeds and sitemaps are read by
the spiders. Its options were chosen by measurement (``bench/extraction_options.py``).
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from itertools import islice
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
    verdict,
    without_blanks,
    without_restated,
)
from crawler.extraction.encoding import binary_share, decode_html
from crawler.extraction.evidence import (
    HeadTags,
    PageEvidence,
    headline_agrees,
    page_evidence,
    title_says,
    without_node,
)
from crawler.extraction.extracted import Extracted, ExtractionOptions
from crawler.extraction.htmltree import extract_owned, parse_html
from crawler.extraction.lead import find_lead, has_lead, named_leads, prepend_lead, standfirst_of
from crawler.extraction.reconcile import (
    is_better_body,
    once,
    with_headings,
    with_lead,
    with_paragraphs,
)
from crawler.utils.dates import parse_date
from crawler.utils.text import primary_language, words
from crawler.utils.urls import absolute_http_url

logger = logging.getLogger(__name__)

# Text in any language has next to no control characters; binary data decoded has many.
MAX_BINARY_SHARE = 0.05

# Sales pitches and sign-up boxes that sit inside article bodies, where trafilatura keeps them.
# Only small elements go: some sites wrap the whole (premium) article in a "paywall" element.
_PITCH_TOKENS = (
    "paywall",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "sign-up",
    "promo",
    "donate",
    "membership",
    "whatsapp",
    "advert",
    "sponsor",
)
_PITCH = re.compile("|".join(re.escape(token) for token in _PITCH_TOKENS), re.IGNORECASE)
# What a hard paywall's box says (a metered site's "3 of 5 free articles" pitch does not).
_WALL_WORDS = re.compile(
    r"subscribers? only|for subscribers|already a subscriber|subscribe to (?:continue|read)"
    r"|to (?:continue|keep) reading|read the full (?:article|story)|exclusive to subscribers"
    r"|nur für abonnenten|für abonnenten|bereits abonnent|weiterlesen mit"
    r"|réservé aux abonnés|déjà abonné|exclusivo para suscriptores|ya eres suscriptor"
    r"|riservato agli abbonati|sei già abbonato",
    re.IGNORECASE,
)
_PITCH_TAGS = ("div", "aside", "section", "p", "form")
_PITCH_MAX_CHARS = 400
# A text shorter than this is more often trafilatura's miss than the article (a story in
# elements its balanced mode passes over): its recall mode gets a second try at the page, and
# its text is taken when it is at least this long and twice as long (on a page without an
# article, what recall mode finds more is menus and teasers).
RETRY_CHARS = 300
_VISIBLE_TEXT = XPath("//body//text()[not(ancestor::script or ancestor::style)]")
_PITCH_NAMES: dict[str, frozenset[str]] = {}  # class or id -> the pitch tokens it holds
_STORY_BEHIND_WALL = frozenset({"paywall"})
_PITCH_NAMES_MAX = 20_000  # a site's templates repeat their class names page after page


def pitches(tree: HtmlElement) -> list[HtmlElement]:
    """Small boxes of the body whose class or id names a pitch. A walk in Python, with the
    regex's answer kept per class and id: an XPath with the same test (translate() and a dozen
    contains() on every element) took eight times as long, the regex on every element twice.

    A paragraph named "paywall" is the story's own text, marked for the wall to hide (each
    paragraph of a metered story, on some sites), unless it speaks as the wall."""
    body = tree.find("body")
    if body is None:
        return []
    found = []
    for element in body.iter(_PITCH_TAGS):
        named = _pitch_tokens(element.get("class")) | _pitch_tokens(element.get("id"))
        if not named:
            continue
        text = " ".join(element.text_content().split())
        if (
            element.tag == "p"
            and "paywall" in (element.get("class") or "").split()  # the word, not "paywall-cta"
            and named <= _STORY_BEHIND_WALL
            and not _WALL_WORDS.search(text)
        ):
            continue
        if len(text) < _PITCH_MAX_CHARS:
            found.append(element)
    return found


# schema.org microdata that a page sets out for machines and hides from readers: a block
# that repeats the headline, the dates, the logo's URL and the whole story
_HIDDEN_METADATA = XPath(
    "//body//*[@itemscope or @itemprop][@hidden or contains(translate(@style, 'NODISPLAYVIBLTH ',"
    " 'nodisplayviblth'), 'display:none') or contains(translate(@style, 'NODISPLAYVIBLTH ',"
    " 'nodisplayviblth'), 'visibility:hidden')]"
)


# A hidden block this share of whose words the rest of the page says is said again there.
_REPEATED_SHARE = 0.8


def hidden_metadata(tree: HtmlElement) -> list[HtmlElement]:
    """Microdata blocks the page never shows (``hidden``, ``display: none``), outermost
    first, that say again what the page shows: most of their words are in the rest of the
    page (the headline, the story). A hidden block of words of its own stays, microdata or
    not: a metered story's paragraphs, an accordion's answers, a live blog's older entries,
    which a script shows."""
    found = _HIDDEN_METADATA(tree)
    if not found:
        return []
    chosen = set(found)
    outermost = [element for element in found if chosen.isdisjoint(element.iterancestors())]
    page = Counter(words(" ".join(_VISIBLE_TEXT(tree))))
    repeats = []
    for element in outermost:
        own = Counter(words(element.text_content()))
        elsewhere = page - own
        said = sum(min(count, elsewhere[word]) for word, count in own.items())
        if own and said >= _REPEATED_SHARE * sum(own.values()):
            repeats.append(element)
    return repeats


_APPENDED_MAX = 3  # stories an endless page has appended when it is saved
_STORY_WORDS = 150  # an appended story is whole, not a live blog's entry
_BRIEF_WORDS = 50  # the page's own may be a brief, but not a header alone
_HEADLINE_WORDS = 3


def appended_stories(tree: HtmlElement, head: HeadTags) -> list[HtmlElement]:
    """Other stories that the page carries whole after its own: an endless-scroll page
    appends the next story (headline, date, text) in an ``<article>`` of its own, and
    trafilatura takes the longer of the two. An ``<article>`` of a whole story's length after
    the one that holds the page's headline (its first ``<h1>``, which the title or
    ``og:title`` says), with an ``<h1>`` the page's title does not say; three at most (more
    are a live blog's entries). Nothing when the headline is in no article (a blog that sets
    its subheadings in ``<h1>`` has one), is a logo's name, or heads a header alone."""
    headlines = [h for h in tree.iter("h1") if " ".join(h.text_content().split())]
    if len(headlines) < 2:
        return []
    own = next(headlines[0].iterancestors("article"), None)
    title = " ".join(headlines[0].text_content().split())
    if (
        own is None
        or len(words(title)) < _HEADLINE_WORDS  # a logo's name, which every title says
        or not title_says(title, head)
        or len(own.text_content().split()) < _BRIEF_WORDS  # a header apart from its story
    ):
        return []
    found: list[HtmlElement] = []
    for headline in headlines[1:]:
        article = next(headline.iterancestors("article"), None)
        if article is None or article is own or any(a is article for a in found):
            continue
        if own in article.iterancestors() or article in own.iterancestors():
            continue
        if title_says(" ".join(headline.text_content().split()), head):
            continue
        if len(article.text_content().split()) >= _STORY_WORDS:  # a story, not an entry
            found.append(article)  # apart from the page's own and with a later h1: after it
    # many are a live blog's entries or a list of stories, not an endless page's next ones
    return found if len(found) <= _APPENDED_MAX else []


_CARD_HEADINGS = ("h2", "h3", "h4", "h5")
_CARDS_MIN = 4  # fewer are a story's own linked sections
_CARD_CLIMB = 5  # levels from a card's headline up to the card and its wrappers
_TEASER_CHARS = 40
_CARD_LINK_WORDS = 60  # a linked card's kicker, headline and date
_CARD_LINK_SHARE = 0.9
_NUMBERED = re.compile(r"\s*(?:#|no\.\s*)?\d{1,3}\s*[.):]\s", re.IGNORECASE)


def teaser_cards(tree: HtmlElement) -> list[HtmlElement]:
    """Other stories' cards beside the page's own story: four or more under one parent, each
    a linked headline (three words or more) and a teaser paragraph without links ("<li><h3><a>
    Headline</a></h3><p>Summary</p></li>"), a stream of news that trafilatura takes for the
    story when they stand in its container: their teasers are prose, their headlines' links
    go with the headlines. Nothing when the cards are all the page says (a blog's front page,
    an index of stories): the story must have its own words outside them. A headline linked
    to a part of the page ("#section-2") heads the story's own section."""
    body = tree.find("body")
    if body is None:
        return []
    headings = list(body.iter(_CARD_HEADINGS))
    linked = [heading for heading in headings if _is_linked_headline(heading)]
    if len(linked) < _CARDS_MIN:
        return []
    # how many headlines each element near one holds, and which hold a teaser
    headlines: Counter[HtmlElement] = Counter()
    for heading in headings:
        headlines.update(islice(heading.iterancestors(), _CARD_CLIMB))
    teasers: set[HtmlElement] = set()
    for paragraph in body.iter("p"):
        if (
            len(paragraph.text_content().strip()) >= _TEASER_CHARS
            and next(paragraph.iter("a"), None) is None
        ):
            teasers.add(paragraph)
            teasers.update(islice(paragraph.iterancestors(), _CARD_CLIMB))
    by_parent: dict[HtmlElement, dict[HtmlElement, None]] = {}
    for heading in linked:
        card = _card_of(heading, headlines, teasers)
        if card is not None and (parent := card.getparent()) is not None:
            by_parent.setdefault(parent, {})[card] = None
    found = [
        card
        for cards in by_parent.values()
        if len(cards) >= _CARDS_MIN and not _numbered(list(cards))
        for card in cards
    ]
    if not found:
        return []
    every = sum(len(paragraph.text_content().split()) for paragraph in body.iter("p"))
    carded = sum(
        len(paragraph.text_content().split())
        for card in _outermost(found)
        for paragraph in card.iter("p")
    )
    return found if every - carded >= _STORY_WORDS else []


def linked_articles(tree: HtmlElement) -> list[HtmlElement]:
    """``<article>`` elements of a few words that are a link all but whole: another story's
    card set in the page (a kicker, a headline, a date, all one link), inside the story or
    beside it; trafilatura keeps them as the story's subheadings."""
    body = tree.find("body")
    if body is None:
        return []
    found = []
    for article in body.iter("article"):
        text = " ".join(article.text_content().split())
        if not text or len(text.split()) > _CARD_LINK_WORDS:
            continue
        linked = sum(len(" ".join(anchor.text_content().split())) for anchor in _anchors(article))
        if linked >= _CARD_LINK_SHARE * len(text):
            found.append(article)
    return found


def _anchors(element: HtmlElement) -> list[HtmlElement]:
    """The links in an element, or the link it stands in; not a link to a part of the page."""
    inside = element.iter("a")
    around = next(element.iterancestors("a"), None)
    anchors = list(inside) or ([around] if around is not None else [])
    return [anchor for anchor in anchors if not (anchor.get("href") or "").startswith("#")]


def _is_linked_headline(heading: HtmlElement) -> bool:
    """A headline of three words or more, half of its words a link at least (a kicker may
    stand before it, a copy for screen readers beside it)."""
    linked = sum(len(anchor.text_content().split()) for anchor in _anchors(heading))
    return linked >= _HEADLINE_WORDS and 2 * linked >= len(heading.text_content().split())


def _numbered(cards: list[HtmlElement]) -> bool:
    """Cards most of whose headlines are numbered ("1. Sabrina Spellman"): a listicle's items,
    the story itself."""
    numbered = sum(
        bool(_NUMBERED.match(next(card.iter(_CARD_HEADINGS)).text_content())) for card in cards
    )
    return numbered * 2 > len(cards)


def _card_of(
    heading: HtmlElement, headlines: Counter[HtmlElement], teasers: set[HtmlElement]
) -> HtmlElement | None:
    """The card a linked headline heads: its nearest ancestor that also holds a teaser, and
    that ancestor's own ancestors as long as they hold no other headline (a card's wrappers)."""
    card: HtmlElement | None = None
    for ancestor in islice(heading.iterancestors(), _CARD_CLIMB):
        if ancestor.tag in ("body", "main", "figure") or headlines[ancestor] > 1:
            break  # the page's parts, a picture, or the list of cards: not one card
        if len(ancestor.text_content().split()) >= _STORY_WORDS:
            break  # a story, not its card
        if card is not None or ancestor in teasers:
            card = ancestor
    return card


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """Each element once, and none inside another: what dropping them all drops."""
    chosen = set(elements)
    unique = list(dict.fromkeys(elements))
    return [element for element in unique if chosen.isdisjoint(element.iterancestors())]


def _pitch_tokens(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    tokens = _PITCH_NAMES.get(name)
    if tokens is None:
        if len(_PITCH_NAMES) >= _PITCH_NAMES_MAX:
            _PITCH_NAMES.clear()
        tokens = _PITCH_NAMES[name] = frozenset(t.lower() for t in _PITCH.findall(name))
    return tokens


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
            paywall_box = paywall_box or bool(_WALL_WORDS.search(element.text_content()))
            element.drop_tree()
        for element in _outermost(
            [
                *hidden_metadata(tree),
                *appended_stories(tree, head),
                *teaser_cards(tree),
                *linked_articles(tree),
            ]
        ):
            element.drop_tree()
        page_words: frozenset[str] | None = None  # only when there is a body to weigh
        if evidence.body or feed_text:  # read now: trafilatura prunes the tree it is given
            page_words = frozenset(words(" ".join(_VISIBLE_TEXT(tree))))
        links = Links(tree)  # read now: trafilatura prunes the tree it is given
        captions = frozenset(" ".join(c.text_content().split()) for c in tree.iter("figcaption"))
        lead = find_lead(tree, head)
        standfirsts = named_leads(tree, head)
        lean.set_page_language(language)
        authors = [*evidence.authors, *evidence.byline]
        document, text = _main_text(tree, self._template, url, links, authors, captions)
        if len(text) < RETRY_CHARS and self._retry is not None:
            again = parse_html(html)  # the first tree is spent: trafilatura prunes in place
            if again is not None:
                for element in _outermost(
                    [
                        *pitches(again),
                        *hidden_metadata(again),
                        *appended_stories(again, head),
                        *teaser_cards(again),
                        *linked_articles(again),
                    ]
                ):
                    element.drop_tree()
                retried, longer = _main_text(again, self._retry, url, links, authors, captions)
                if len(longer) >= RETRY_CHARS and len(longer) > 2 * len(text):
                    document, text = retried, longer
        text_source = "trafilatura"
        for source, candidate in (("jsonld", evidence.body), ("feed", feed_text)):
            if not candidate:
                continue
            # judged as it would stand: once, in paragraphs, its boilerplate gone
            body = prune_text(with_paragraphs(once(candidate), text), links, captions)[0]
            if is_better_body(body, text, page_words):  # type: ignore[arg-type]
                body = with_headings(body, text, headings(document))
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
        text = without_restated(text, headings(document), [*quotes(document), *captions])
        text = without_blanks(text)
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


def _main_text(
    tree: HtmlElement,
    template: Extractor,
    url: str,
    links: Links,
    authors: list[str],
    captions: frozenset[str],
) -> tuple[Any, str]:
    """trafilatura's document of the page and its text, boilerplate pruned; ``authors``: the
    names the page's markup gives, to which trafilatura's reading of the byline is added."""
    options = copy.copy(template)
    options.url = options.source = url
    document = extract_owned(tree, options)
    if document is None:
        return None, ""
    authors = [*authors, *_split_authors(document.author)]
    if document.body is not None and prune(document.body, links, document.title, authors, captions):
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
