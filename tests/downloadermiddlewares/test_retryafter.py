"""Retry-After as servers write it: seconds or an HTTP date; anything else is no answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from scrapy.http import Response

from crawler.downloadermiddlewares.retryafter import retry_after


def answer(value: str) -> Response:
    return Response("http://news.example/a", status=503, headers={"Retry-After": value})


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after(answer("120")) == 120.0
    later = datetime.now(UTC) + timedelta(seconds=30)
    assert 25 <= retry_after(answer(format_datetime(later, usegmt=True))) <= 30
    past = datetime.now(UTC) - timedelta(hours=1)
    assert retry_after(answer(format_datetime(past, usegmt=True))) == 0.0
    assert retry_after(answer("soon")) is None
    assert retry_after(Response("http://news.example/a", status=503)) is None
