"""What goes from a page before trafilatura reads it: boxes it would keep as the story's.

Sales pitches inside the story, microdata hidden from readers that says the story again,
the next story an endless page appends, and other stories' cards (a stream of linked
headlines with their teasers, a card that is one link). Each function finds elements of the
parsed page; the caller drops them (``outermost`` first, so that none is dropped twice).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from lxml.etree import XPath
from lxml.html import HtmlElement

from crawler.extraction.evidence import HeadTags, title_says
from crawler.utils.text import words

VISIBLE_TEXT = XPath("//body//text()[not(ancestor::script or ancestor::style)]")

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
WALL_WORDS = re.compile(
    r"subscribers? only|for subscribers|already a subscriber|subscribe to (?:continue|read)"
    r"|to (?:continue|keep) reading|read the full (?:article|story)|exclusive to subscribers"
    r"|nur für abonnenten|für abonnenten|bereits abonnent|weiterlesen mit"
    r"|réservé aux abonnés|déjà abonné|exclusivo para suscriptores|ya eres suscriptor"
    r"|riservato agli abbonati|sei già abbonato",
    re.IGNORECASE,
)
_PITCH_TAGS = ("div", "aside", "section", "p", "form")
_PITCH_MAX_CHARS = 400
_PITCH_NAMES: dict[str, frozenset[str]] = {}  # class or id -> the pitch tokens it holds
# The story's own paragraphs, marked for the wall to hide or to show: "<p class='paywall'>" on
# some sites, "<div class='subscriber-only'><p>" around each paragraph on TownNews' BLOX, the
# system of some two thousand local papers.
# ("paywall" marks a paragraph only: a box so named is the wall's, "Enjoy unlimited articles")
_STORY_BEHIND_WALL = re.compile(r"(?<![\w-])subscriber[-_](?:only|preview|content)(?![\w-])", re.I)
_PARAGRAPH_BEHIND_WALL = re.compile(r"(?<![\w-])paywall(?![\w-])", re.IGNORECASE)
_STORY_BEHIND_WALL_TOKENS = frozenset({"paywall", "subscribe"})
_STORY_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote")
_PITCH_NAMES_MAX = 20_000  # a site's templates repeat their class names page after page


def cuts(tree: HtmlElement, head: HeadTags, html: str) -> list[HtmlElement]:
    """The outermost of what goes besides the pitches (``pitches``, which the caller reads
    for a paywall's words): hidden microdata, appended stories, other stories' cards, a
    gallery's slides, a consent dialog, forms' fields. ``html``, the page the tree was parsed
    from, is searched first for a slide's counter: a regex over the text costs a third of a
    walk of the tree."""
    return outermost(
        [
            *hidden_metadata(tree),
            *appended_stories(tree, head),
            *teaser_cards(tree),
            *linked_articles(tree),
            *(gallery_slides(tree) if _COUNTER_IN_PAGE.search(html) else ()),
            *consent_dialogs(tree),
            *form_fields(tree),
        ]
    )


def pitches(tree: HtmlElement) -> list[HtmlElement]:
    """Small boxes of the body whose class or id names a pitch. A walk in Python, with the
    regex's answer kept per class and id: an XPath with the same test (translate() and a dozen
    contains() on every element) took eight times as long, the regex on every element twice.

    A paragraph named "paywall" or "subscriber-only" is the story's own text, marked for the
    wall to hide (each paragraph of a metered story, on some sites), unless it speaks as the
    wall."""
    body = tree.find("body")
    if body is None:
        return []
    found = []
    for element in body.iter(_PITCH_TAGS):
        named = _pitch_tokens(element.get("class")) | _pitch_tokens(element.get("id"))
        if not named:
            continue
        text = " ".join(element.text_content().split())
        if named <= _STORY_BEHIND_WALL_TOKENS and _marked_story(element, text):
            continue
        if len(text) < _PITCH_MAX_CHARS:
            found.append(element)
    return found


def _marked_story(element: HtmlElement, text: str) -> bool:
    """Whether a block named for the wall is the story's own, marked for the wall to hide or
    show: a paragraph named "paywall", or a paragraph, subheading, list or quote wrapped as
    "subscriber-only" (not "paywall-cta"); never one that speaks as the wall."""
    name = element.get("class") or ""
    if element.tag == "p":
        marked = bool(_PARAGRAPH_BEHIND_WALL.search(name) or _STORY_BEHIND_WALL.search(name))
    else:
        marked = bool(_STORY_BEHIND_WALL.search(name)) and (
            next(element.iter(_STORY_TAGS), None) is not None
        )
    return marked and not WALL_WORDS.search(text)


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
    page = Counter(words(" ".join(VISIBLE_TEXT(tree))))
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
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_CJK_HEADLINE = 8  # characters of a headline in a script written without spaces
_CJK_TEASER = 20  # ... and of a teaser
_NUMBERED = re.compile(r"\s*(?:#|no\.\s*)?\d{1,3}\s*[.):]\s", re.IGNORECASE)


def teaser_cards(tree: HtmlElement) -> list[HtmlElement]:
    """Other stories' cards beside the page's own story: four or more under one parent (or
    under named wrappers of one tag and class side by side: a widget's tabs), each
    a linked headline (three words or more) and a teaser without links, a paragraph or a block
    of text alone ("<li><h3><a>Headline</a></h3><p>Summary</p></li>", "<div
    class=excerpt>Summary</div>"): a stream of news that trafilatura takes for the story when
    they stand in its container (their teasers are prose, their headlines' links go with the
    headlines). Nothing when the cards are all the page says (a blog's front page,
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
    for paragraph in body.iter("p", "div"):
        if paragraph.tag == "div" and len(paragraph):
            continue
        text = paragraph.text_content().strip()
        if (len(text) >= _TEASER_CHARS or len(_CJK.findall(text)) >= _CJK_TEASER) and next(
            paragraph.iter("a"), None
        ) is None:
            teasers.add(paragraph)
            teasers.update(islice(paragraph.iterancestors(), _CARD_CLIMB))
    # cards under one parent, or under wrappers alike side by side, one or two levels up (a
    # widget's tabs: "News", "Sport", "Lifestyle", each a few cards)
    groups: dict[tuple[object, ...], dict[HtmlElement, None]] = {}
    for heading in linked:
        card = _card_of(heading, headlines, teasers)
        if card is None or (parent := card.getparent()) is None:
            continue
        groups.setdefault((parent,), {})[card] = None
        for wrapper in (parent, parent.getparent()):
            if wrapper is None or not wrapper.get("class"):
                continue  # (unnamed wrappers alike say nothing)
            if (above := wrapper.getparent()) is not None:
                groups.setdefault((above, wrapper.tag, wrapper.get("class")), {})[card] = None
    # a listicle's numbered items under one parent stay, whatever cards their wrappers share
    listed = {
        card
        for key, cards in groups.items()
        if len(key) == 1 and len(cards) > 1 and _numbered(list(cards))
        for card in cards
    }
    found = list(
        {
            card: None
            for cards in groups.values()
            if len(cards) >= _CARDS_MIN and not _numbered(list(cards))
            for card in cards
            if card not in listed
        }
    )
    if not found:
        return []
    every = sum(len(paragraph.text_content().split()) for paragraph in body.iter("p"))
    carded = sum(
        len(paragraph.text_content().split())
        for card in outermost(found)
        for paragraph in card.iter("p")
    )
    return found if every - carded >= _BRIEF_WORDS else []


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


# A consent platform's dialog, set in the page hidden for a script to show: its purposes and
# its list of hundreds of vendors, each with the address of its privacy policy, which a
# page of little text of its own gives trafilatura for the story. Named for the platforms
# (OneTrust, formerly Optanon; Didomi; Usercentrics; Cookiebot; TrustArc; Quantcast;
# Sourcepoint), which give their containers such ids on every site ("onetrust-consent-sdk",
# "optanon") and set them at the body's top.
_CONSENT_NAMES = (
    "onetrust", "optanon", "didomi", "usercentrics", "CybotCookiebot", "truste-", "qc-cmp",
    "sp_message",
)  # fmt: skip
_CONSENT_TEST = " or ".join(
    [f"starts-with(@id, '{name}')" for name in _CONSENT_NAMES]
    + [f"starts-with(@class, '{name}')" for name in ("optanon", "onetrust")]  # its banner
)
_CONSENT_DIALOGS = XPath(f"/html/body/*[{_CONSENT_TEST}] | /html/body/*/*[{_CONSENT_TEST}]")


def consent_dialogs(tree: HtmlElement) -> list[HtmlElement]:
    """A consent platform's dialog and banner, shown or hidden, at the body's top (two
    levels of elements: cheaper than a search of the page for the platforms' names)."""
    return list(_CONSENT_DIALOGS(tree))


_FIELDS = ("textarea", "select")


def form_fields(tree: HtmlElement) -> list[HtmlElement]:
    """A form's text boxes and choices: a share-by-mail form's message is written for the
    reader to send ("Headline / Summary / Check out this story on ..."), and trafilatura
    keeps it. The forms stay: one holds the page on ASP.NET's sites, and without a blog's
    comment form trafilatura may take the footer for a short post."""
    body = tree.find("body")
    return [] if body is None else list(body.iter(_FIELDS))


# A slide's counter alone in its element ("3/31", "3 of 31"): the XPath finds the few short
# leaves that may be one, the pattern says which are.
_COUNTERS = XPath(
    "descendant::*[not(*)][string-length(normalize-space()) <= 9]"
    "[contains(., '/') or contains(., ' of ')]"
)
_COUNTER = re.compile(r"\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\s*$")
_COUNTER_IN_PAGE = re.compile(r">\s{0,40}\d{1,3}\s*(?:/|of)\s*\d{1,3}\s{0,40}<")
_SLIDES_MIN = 5  # fewer may be a chronology's days ("1/3", "2/3", "3/3": March)
_CAPTION_WORDS = 60  # a slide's caption and credit; a listicle's item says more


def gallery_slides(tree: HtmlElement) -> list[HtmlElement]:
    """The slides of a gallery beside the story, each numbered by a counter of its own ("1/31",
    "2/31", ... in the order of the page): their captions, credits and dates are the pictures'
    (trafilatura keeps them as the story's lines, or takes them for the story). A slide is the
    child, holding one counter, of the element that holds them all. The slides stay when they
    say much (a listicle's items) or when the story says little besides (a gallery's own page)."""
    body = tree.find("body")
    if body is None:
        return []
    by_total: dict[int, list[HtmlElement]] = {}
    for element in _COUNTERS(body):
        if (found := _COUNTER.match(element.text_content())) and found[1] != "0":
            number, total = int(found[1]), int(found[2])
            counters = by_total.setdefault(total, [])
            if number == len(counters) + 1 <= total:
                counters.append(element)
    slides: list[HtmlElement] = []
    for counters in by_total.values():
        if len(counters) >= _SLIDES_MIN and (holder := _common_ancestor(counters)) is not None:
            slides.extend(_child_holding(holder, counter) for counter in counters)
    if not slides or len(set(slides)) < len(slides):
        return []  # two counters in one child: not one slide each
    said = sorted(len(slide.text_content().split()) for slide in slides)
    if said[len(said) // 2] > _CAPTION_WORDS:
        return []
    every = sum(len(paragraph.text_content().split()) for paragraph in body.iter("p"))
    captioned = sum(len(p.text_content().split()) for slide in slides for p in slide.iter("p"))
    return slides if every - captioned >= _STORY_WORDS else []


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    shared = list(elements[0].iterancestors())
    for element in elements[1:]:
        ancestors = set(element.iterancestors())
        shared = [ancestor for ancestor in shared if ancestor in ancestors]
    holder = shared[0] if shared else None
    return None if holder is None or holder.tag in ("body", "html") else holder


def _child_holding(holder: HtmlElement, element: HtmlElement) -> HtmlElement:
    while (parent := element.getparent()) is not holder and parent is not None:
        element = parent
    return element


def _anchors(element: HtmlElement) -> list[HtmlElement]:
    """The links in an element, or the link it stands in; not a link to a part of the page."""
    inside = element.iter("a")
    around = next(element.iterancestors("a"), None)
    anchors = list(inside) or ([around] if around is not None else [])
    return [anchor for anchor in anchors if not (anchor.get("href") or "").startswith("#")]


def _is_linked_headline(heading: HtmlElement) -> bool:
    """A headline of three words or more (eight characters of Chinese, Japanese or Korean),
    half of it a link at least (a kicker may stand before it, a copy for screen readers beside
    it); measured without blanks."""
    linked = "".join(anchor.text_content() for anchor in _anchors(heading))
    letters = len("".join(linked.split()))
    long_enough = (
        len(linked.split()) >= _HEADLINE_WORDS or len(_CJK.findall(linked)) >= _CJK_HEADLINE
    )
    return long_enough and 2 * letters >= len("".join(heading.text_content().split()))


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


def outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
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
