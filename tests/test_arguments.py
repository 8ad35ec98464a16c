"""Spider arguments: what is accepted, and errors that name the argument."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler import arguments
from crawler.exceptions import SpiderArgumentError

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("36h", NOW - timedelta(hours=36)),
        ("7d", NOW - timedelta(days=7)),
        ("2w", NOW - timedelta(weeks=2)),
        ("90m", NOW - timedelta(minutes=90)),
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),
        ("2026-11-01T06:00:00+01:00", datetime(2026, 11, 1, 5, tzinfo=UTC)),
        ("", None),
    ],
)
def test_since_takes_a_date_or_a_duration(value: str, expected: datetime | None) -> None:
    assert arguments.since("since", value, now=NOW) == expected


def test_bad_values_name_the_argument() -> None:
    with pytest.raises(SpiderArgumentError, match="since='last week'"):
        arguments.since("since", "last week")
    with pytest.raises(SpiderArgumentError, match="max_articles='0'"):
        arguments.positive_int("max_articles", "0")
    with pytest.raises(SpiderArgumentError, match="feeds='javascript:x'"):
        arguments.url_list("feeds", "http://127.0.0.1/a.xml,javascript:x")
    with pytest.raises(SpiderArgumentError, match="subdomains='maybe'"):
        arguments.boolean("subdomains", "maybe")


def test_tracking_parameters_and_fragments_go_content_parameters_stay() -> None:
    from crawler.utils.urls import without_tracking

    assert (
        without_tracking("https://news.example.com/a?utm_source=rss&utm_medium=x&fbclid=1#rssom")
        == "https://news.example.com/a"
    )
    assert (
        without_tracking("https://news.example.com/a?id=123&gclid=9")
        == "https://news.example.com/a?id=123"
    )
    assert without_tracking("https://news.example.com/?p=45") == "https://news.example.com/?p=45"


def test_languages_are_primary_codes_and_a_bad_one_is_named() -> None:
    assert arguments.language_list("languages", "en, de-AT,pt_BR,") == ["en", "de", "pt"]
    assert arguments.language_list("languages", None) == []
    with pytest.raises(SpiderArgumentError, match=r"languages.*english"):
        arguments.language_list("languages", "en,english")
