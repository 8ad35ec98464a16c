"""Leaner tables for trafilatura's fallbacks (crawler.extraction.lean): same answers, less memory."""

from __future__ import annotations

from collections.abc import Iterator

import justext.core
import pytest
from trafilatura import external

from crawler.extraction import lean
from crawler.extraction.extract import ArticleExtractor

URL = "http://127.0.0.1:8000/news/a.html"
extract = ArticleExtractor()  # installs crawler.extraction.lean

CZECH = (
    "<html lang='cs'><head><title>Městský rozpočet</title></head><body>"
    "<article><h1>Městský rozpočet</h1><span class='meta'>3. března 2020</span>"
    + "<p>Městská rada v pondělí projednala rozpočet na příští rok a nové školy.</p>" * 6
    + "</article></body></html>"
)


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    yield
    lean.set_page_language(None)


def test_a_date_written_out_in_the_page_language_is_read_by_a_parser_of_that_language() -> None:
    # Czech is not among the languages tried for pages that declare none: only a parser
    # built for the page's own language reads "3. března 2020".
    assert "cs" not in lean.UNDECLARED_LANGUAGES
    # First on a page that says it is English: htmldate caches the string as unreadable
    # there, which must not hold for the Czech page.
    english = extract(CZECH.replace("lang='cs'", "lang='en'").encode(), URL, "text/html")
    assert english is not None and english.date != "2020-03-03"
    found = extract(CZECH.encode(), URL, "text/html; charset=utf-8")
    assert found is not None
    assert found.date == "2020-03-03"
    assert lean._parsers["cs"].languages == ["cs", "en"]


def test_a_page_without_a_known_language_gets_the_most_used_languages() -> None:
    for language in (None, "xx"):
        lean.set_page_language(language)
        assert lean.date_parser().languages == list(lean.UNDECLARED_LANGUAGES)
    lean.set_page_language("en")
    assert lean.date_parser().languages == ["en"]
    lean.set_page_language("no")  # Norwegian, which dateparser calls Bokmål
    assert lean.date_parser().languages == ["nb", "en"]


def test_justext_gets_the_union_stoplist_once_lower_cased_and_as_it_is() -> None:
    stoplist = external.JT_STOPLIST or external.jt_stoplist_init()
    assert isinstance(stoplist, frozenset) and len(stoplist) > 100_000
    assert "the" in stoplist and "und" in stoplist and "и" in stoplist
    assert all(word == word.lower() for word in list(stoplist)[:1000])
    assert justext.core.define_stoplist(stoplist) is stoplist
    # a language's own list still goes through justext's own (cached, lower-casing) path
    assert justext.core.define_stoplist(("The", "A")) == frozenset({"the", "a"})


def test_a_stoplist_trafilatura_built_before_the_install_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(external, "JT_STOPLIST", ("The", "und"))  # trafilatura's own tuple
    lean._lean_stoplist()
    assert isinstance(external.JT_STOPLIST, frozenset) and len(external.JT_STOPLIST) > 100_000
    assert justext.core.define_stoplist(external.JT_STOPLIST) is external.JT_STOPLIST
