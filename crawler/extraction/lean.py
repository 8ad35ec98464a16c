"""Leaner tables for two of trafilatura's fallbacks, so that an extraction worker stays small.

Both are built on first use and then kept for the life of the process, so every worker pays
for them once it meets a hard page:

- justext, trafilatura's second fallback for the main text, scores paragraphs of a page whose
  language trafilatura was not told with the union of all its stop lists: 154,484 words, which
  trafilatura keeps as a tuple and justext again as a lower-cased frozenset (33 MB, and the
  tuple hashed whole on every call to find that set in justext's cache). Here they are kept
  once, as the lower-cased frozenset (22 MB), and justext is handed it as it is.
- htmldate's last resort for a date written out in the text is dateparser, asked to try all
  its 205 locales: their tables take 40 MB and 1.3 s of CPU to build. Here dateparser reads
  the page's declared language (and English), or, on a page that declares none it knows, the
  twelve most used languages of the web. A date in the language of its page is what htmldate
  looks for there; dates in rarer languages on pages that do not say theirs are given up.

``install()`` patches the two libraries in place (it is idempotent); ``crawler.extraction.extract``
calls it when an extractor is built and tells it each page's language. A page that declares
English but is written in another language loses htmldate's last resort for its dates; its
meta tags, JSON-LD and htmldate's own patterns still count.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

_page_language: str | None = None
_parsers: dict[str | None, Any] = {}
_htmldate_parser: Callable[[], Any] | None = None  # htmldate's own, all locales
# For pages that declare no language: the twelve most used on the web (W3Techs, 2025), about
# 6 MB of dateparser tables where all 205 locales take 40 MB (python -m bench.lean).
UNDECLARED_LANGUAGES = ("en", "es", "de", "ja", "fr", "ru", "pt", "it", "nl", "pl", "tr", "zh")
_installed = False


def install() -> None:
    global _installed
    if not _installed:
        _lean_stoplist()
        _language_dates()
        _installed = True


def _lean_stoplist() -> None:
    """trafilatura builds ``union_stoplist()`` on first need; justext takes it as it is."""
    import justext.core
    from trafilatura import external

    def stoplist_init() -> frozenset[str]:
        external.JT_STOPLIST = union_stoplist()  # type: ignore[assignment]
        return external.JT_STOPLIST  # type: ignore[return-value]

    external.jt_stoplist_init = stoplist_init  # type: ignore[assignment]
    if external.JT_STOPLIST and not isinstance(external.JT_STOPLIST, frozenset):
        # trafilatura ran in this process first (a benchmark's plain run) and built its tuple:
        # handed to justext as it is, every word would be looked up in 154,484 one by one
        stoplist_init()
    original = justext.core.define_stoplist

    def define_stoplist(stoplist: Any) -> frozenset[str]:
        return stoplist if stoplist is external.JT_STOPLIST else original(stoplist)

    define_stoplist.cache_clear = original.cache_clear  # type: ignore[attr-defined]
    justext.core.define_stoplist = define_stoplist


def _language_dates() -> None:
    """htmldate gets ``date_parser()``, and its cache of date strings is kept per language: a
    string one language's parser could not read, another's may."""
    global _htmldate_parser
    import htmldate.core
    import htmldate.extractors

    _htmldate_parser = htmldate.extractors.get_external_parser
    htmldate.extractors.get_external_parser = date_parser
    cached = htmldate.extractors.try_date_expr
    by_language = lru_cache(maxsize=cached.cache_info().maxsize)(
        lambda language, *args: cached.__wrapped__(*args)
    )

    def try_date_expr(*args: Any) -> str | None:
        return by_language(_page_language, *args)  # type: ignore[no-any-return]

    try_date_expr.cache_clear = by_language.cache_clear  # type: ignore[attr-defined]
    htmldate.extractors.try_date_expr = htmldate.core.try_date_expr = try_date_expr


def union_stoplist() -> frozenset[str]:
    """Every word of every justext stop list, lower-cased."""
    from justext.utils import get_stoplist, get_stoplists

    words: set[str] = set()
    for language in get_stoplists():
        words.update(word.lower() for word in get_stoplist(language))
    return frozenset(words)


def set_page_language(language: str | None) -> None:
    """The declared language of the page being extracted (``de``), or None."""
    global _page_language
    _page_language = _ALIASES.get(language or "", language)


def date_parser() -> Any:
    """htmldate's dateparser, limited to the current page's language and English, or to the
    most used languages of the web for a page that declares none dateparser knows."""
    language = _page_language if _page_language in _dateparser_languages() else None
    parser = _parsers.get(language)
    if parser is None:
        from dateparser import DateDataParser

        assert _htmldate_parser is not None, "install() first"
        # htmldate's own parser: built lazily like these, it lends them htmldate's settings.
        settings = _htmldate_parser()._settings
        if language is None:
            languages = list(UNDECLARED_LANGUAGES)
        else:
            languages = [language] if language == "en" else [language, "en"]
        parser = _parsers[language] = DateDataParser(languages, settings=settings)
    return parser


def _dateparser_languages() -> frozenset[str]:
    global _LANGUAGES
    if _LANGUAGES is None:  # the codes only: the locale map would load every locale's data
        from dateparser.data.languages_info import language_order

        _LANGUAGES = frozenset(language_order)
    return _LANGUAGES


_LANGUAGES: frozenset[str] | None = None
_ALIASES = {"no": "nb"}  # pages say Norwegian "no"; dateparser knows Bokmål "nb"
