"""Each field of the record chosen from every witness, with a note of which one it came from.

The witnesses: trafilatura's reading of the page; the page's schema.org JSON-LD and meta tags
(``crawler.extraction.evidence``); the feed entry (its ``content:encoded``, ``pubDate``,
``dc:creator``) or the news sitemap record. Each can be wrong, so each is checked before it is
believed:
- a body from JSON-LD or the feed replaces trafilatura's text only when it is *better*: it is
  on the page (nearly all its words are in the page's own text, so it is this article and not a
  template's other story; unless the page shows no story at all, as a page whose script draws
  the story does, and the body is a JSON-LD node's whose headline is the page's), it is whole (not
  much shorter than trafilatura's text, and not ending in "…" or "Read more": not a teaser),
  and it has some length;
- a date must be possible: not in the future, not before the web had news sites;
- a precise timestamp beats a bare day, when both name the same day.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from itertools import islice, pairwise

from crawler.utils.dates import isoformat, parse_date
from crawler.utils.text import words

# The first news sites went online in the mid-1990s; earlier dates are template defaults.
EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
# Clocks and zones differ: a day of slack before a date counts as in the future.
FUTURE_SLACK = timedelta(days=1)
# A body is on the page when this share of its distinct words are in the page's text.
MIN_AGREEMENT = 0.9
# A body is whole when it has at least this share of the words of trafilatura's text.
MIN_COMPLETENESS = 0.7
MIN_BODY_WORDS = 30
# A body whose first this many characters come again later repeats itself.
REPEAT_PROBE = 100
REPEAT_SHARE = 0.8  # ... and the two copies' lengths are within this ratio of each other
# A heading of trafilatura's text this long or longer is a teaser's text, not a subheading.
MAX_HEADING = 120
# A paragraph of trafilatura's text before the publisher's body is a lead when this long.
MIN_LEAD_CHARS = 80
# A paragraph whose first words (this many) the body says as they stand begins a paragraph
# of it; trafilatura's paragraph is the body's when most of its runs of this many words are.
OPENING_WORDS = 6
MIN_AGREEMENT_RUNS = 0.5
MIN_OPENING = 20  # characters of those words: fewer say too little to find a paragraph by
# A body printed by a system that breaks its lines at a fixed width ("... is not its\nability to
# ..."): nearly no line longer than this (one in ten: a pull quote run into a line), and this
# share of them ending inside a sentence.
WRAP_WIDTH = 100
WIDE_SHARE = 0.1
WRAPPED_SHARE = 0.5
WRAPPED_MIN_LINES = 8
# A body whose words run together where the page's links were ("inNintendo's"): this many of
# them, none a word of the page, and its text is worse than the page's.
MAX_GLUED = 3
_GLUED = re.compile(r"\b[a-z]{2,}[A-Z][a-z]\w*")
_PLAIN_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟", '"'))
_SENTENCE_END = (".", "!", "?", ":", '"', "'", "”", "’", ")", "…", "»", "«", "。", "！", "？", "」")
_TEASER_END = re.compile(
    r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|weiterlesen|lire la suite|mehr)"
    r"\W*$",
    re.IGNORECASE,
)


def is_better_body(
    body: str | None, extracted: str, page_words: frozenset[str], drawn: bool = False
) -> bool:
    """Whether a publisher's body (JSON-LD or feed) should replace trafilatura's text.

    ``drawn``: the page shows no story of its own and the body is known to be this page's
    (a JSON-LD node whose headline is the page's). A script draws such a page's story in the
    browser, so the body's words need not be on the page.
    """
    if not body:
        return False
    body_words = words(body)
    if len(body_words) < MIN_BODY_WORDS or _TEASER_END.search(body[-40:]):
        return False
    if len(body_words) < MIN_COMPLETENESS * len(words(extracted)):
        return False
    distinct = set(body_words)
    if not drawn and len(distinct & page_words) < MIN_AGREEMENT * len(distinct):
        return False
    return not _hard_wrapped(body) and not _glued(body, page_words)


def _hard_wrapped(body: str) -> bool:
    """Lines broken at a fixed width, not paragraphs: most end inside a sentence."""
    lines = [line.rstrip() for line in body.split("\n") if line.strip()]
    wide = sum(len(line) > WRAP_WIDTH for line in lines)
    if len(lines) < WRAPPED_MIN_LINES or wide > WIDE_SHARE * len(lines):
        return False
    inside = sum(not line.endswith(_SENTENCE_END) for line in lines)
    return inside >= WRAPPED_SHARE * len(lines)


def _glued(body: str, page_words: frozenset[str]) -> bool:
    """Words run together where the publisher's system dropped the page's links' spaces."""
    glued = (token for token in _GLUED.findall(body) if token.casefold() not in page_words)
    return len(list(islice(glued, MAX_GLUED))) == MAX_GLUED


def once(body: str) -> str:
    """A publisher's body that repeats itself whole (some templates print ``articleBody``
    twice over) cut where the repeat begins. A lead said again as the first paragraph is no
    repeat, nor is a summary before the story: the second copy is about as long as the first."""
    opening = body[:REPEAT_PROBE]
    if len(opening) < REPEAT_PROBE:
        return body
    again = body.find(opening, REPEAT_PROBE)
    if again < 0 or not REPEAT_SHARE * again <= len(body) - again <= again / REPEAT_SHARE:
        return body
    return body[:again].rstrip()


def with_paragraphs(body: str, extracted: str) -> str:
    """A body given as one block, cut into paragraphs where trafilatura's paragraphs start
    and end (their quotation marks and apostrophes read as plain ones: a body may be typed
    "That's" where the page prints it curly). What the body holds between a paragraph's end
    and the next one's start (a box of another story, set inline) is a line of its own, which
    the line rules judge."""
    if "\n" in body:
        return body
    cut, plain = body, body.translate(_PLAIN_QUOTES)  # one character for one: one place
    for paragraph in extracted.split("\n"):
        said = paragraph.split()
        opening = " ".join(said[:OPENING_WORDS]).translate(_PLAIN_QUOTES)
        closing = " ".join(said[-OPENING_WORDS:]).translate(_PLAIN_QUOTES)
        begins = plain.find(opening) if len(opening) >= MIN_OPENING else -1
        if begins > 0:
            cut, plain = _cut(cut, begins), _cut(plain, begins)
            begins = plain.find(opening, max(begins - 8, 0))  # (moved by the cut)
        # the paragraph's end after its own beginning, where that was found
        if len(closing) >= MIN_OPENING and (at := plain.find(closing, max(begins, 0))) >= 0:
            at += len(closing)
            if _begins_paragraph(plain[at : at + 2].lstrip(" ")):
                cut, plain = _cut(cut, at), _cut(plain, at)
    return cut


def _begins_paragraph(text: str) -> bool:
    """Whether ``text`` may begin a paragraph (a capital, a figure, a quotation mark), not go
    on with a sentence that a paragraph's last words end alike (", au lendemain", "sur")."""
    return bool(text) and not text[0].islower() and text[0] not in "\n,;:.)]}"


def _cut(text: str, at: int) -> str:
    return text[:at].rstrip() + "\n" + text[at:].lstrip(" ")


def as_printed(body: str, extracted: str) -> str:
    """The body with each paragraph that trafilatura's text has word for word as the page
    prints it: publishers type their bodies' quotation marks, apostrophes and dashes plain
    ("That's", "--") where the page sets them ("That\u2019s", "\u2014")."""
    printed = {tuple(words(paragraph)): paragraph.strip() for paragraph in extracted.split("\n")}
    printed.pop((), None)  # a line of no words ("* * *") is no paragraph to match
    return "\n".join(printed.get(tuple(words(line)), line) for line in body.split("\n"))


def with_headings(body: str, extracted: str, headings: Iterable[str]) -> str:
    """The body with the subheadings of trafilatura's text (``headings``, the text of its
    heading elements), each before the paragraph it heads: ``articleBody`` is plain text, and
    publishers leave their subheadings out of it. One before the body's first paragraph is
    the headline or a kicker, not the story's."""
    wanted = {" ".join(heading.split()) for heading in headings}
    paragraphs = [" ".join(p.split()) for p in extracted.split("\n") if p.strip()]
    heads: dict[str, str] = {}  # the opening words of a paragraph -> the heading above it
    for heading, following in pairwise(paragraphs):
        if heading in wanted and len(heading) <= MAX_HEADING and heading not in body:
            opening = " ".join(following.split()[:OPENING_WORDS])
            if len(opening) >= MIN_OPENING:
                heads.setdefault(opening, heading)
    if not heads:
        return body
    body_lines = body.split("\n")
    openings = Counter(" ".join(line.split()[:OPENING_WORDS]) for line in body_lines)
    lines = []
    for index, line in enumerate(body_lines):
        opening = " ".join(line.split()[:OPENING_WORDS])
        # a paragraph found by its opening words only when no other begins alike
        heading = heads.pop(opening, None) if index and openings[opening] == 1 else None
        if heading is not None:
            lines.append(heading)
        lines.append(line)
    return "\n".join(lines)


def with_lead(body: str, extracted: str) -> str:
    """The body with the opening paragraphs of trafilatura's text that it lacks: a lead or
    standfirst that the publisher keeps apart from ``articleBody``. Only prose counts (a
    kicker, dateline or headline is short), and only before the body's own first paragraph:
    one whose runs of words the body says as they stand, most of them (trafilatura's copy
    may have a dateline before and a credit after). A summary in points says the body's
    words in its own order; a standfirst may begin with the body's first sentence and go on
    in its own words."""
    told = words(body)
    runs = {tuple(told[at : at + OPENING_WORDS]) for at in range(len(told))}
    flat = f" {' '.join(told)} "  # for a paragraph of fewer words than a run: found whole
    lead = []
    for paragraph in extracted.split("\n"):
        said = words(paragraph)
        if not said:
            continue
        own = [tuple(said[at : at + OPENING_WORDS]) for at in range(len(said) - OPENING_WORDS + 1)]
        if (
            sum(run in runs for run in own) >= MIN_AGREEMENT_RUNS * len(own)
            if own
            else f" {' '.join(said)} " in flat
        ):
            break  # the body has begun
        if len(paragraph) >= MIN_LEAD_CHARS:
            lead.append(paragraph.strip())
    else:
        return body  # the texts have nothing in common: no lead to tell apart
    return "\n".join([*lead, body])


def plausible_date(value: str | None, now: datetime | None = None) -> datetime | None:
    """A date that could be a news article's: readable, not in the future, not before 1995."""
    parsed = parse_date(value)
    now = now or datetime.now(UTC)
    if parsed is None or parsed < EARLIEST or parsed > now + FUTURE_SLACK:
        return None
    return parsed


def best_date(
    candidates: Iterable[tuple[str, str | None]], now: datetime | None = None
) -> tuple[str | None, str | None]:
    """``(date, source)`` from ``(source, value)`` pairs in order of trust.

    The day most witnesses agree on wins (ties go to the most trusted), so one wrong witness
    (a template's JSON-LD, a sitemap's lastmod) is outvoted; that day is then given with the
    time of the most trusted witness that has one.
    """
    possible = [
        (source, value.strip(), parsed)
        for source, value in candidates
        if value and (parsed := plausible_date(value, now)) is not None
    ]
    if not possible:
        return None, None
    votes: dict[date, int] = {}  # in order of first appearance, so ties go to the most trusted
    for _, _, parsed in possible:
        votes[parsed.date()] = votes.get(parsed.date(), 0) + 1
    day = max(votes, key=votes.__getitem__)
    same_day = [
        (source, value, parsed) for source, value, parsed in possible if parsed.date() == day
    ]
    for source, value, parsed in same_day:
        if _has_time(value):
            return isoformat(value) or parsed.isoformat(), source
    return day.isoformat(), same_day[0][0]


def _has_time(value: str) -> bool:
    return "T" in value or (len(value) > 10 and ":" in value)
