"""Dates as feeds, sitemaps, pages and spider arguments write them (ISO 8601)."""

from __future__ import annotations

from datetime import UTC, datetime


def parse_date(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime; None if unreadable.

    Dates without a time zone are taken as UTC, so that any two compare (with ``since`` too).
    """
    parsed = _fromisoformat(value)
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def isoformat(value: str | None) -> str | None:
    """An ISO 8601 datetime written the one way Python writes it, with the zone it was given
    (none when it had none); None if unreadable."""
    parsed = _fromisoformat(value)
    return parsed.isoformat() if parsed is not None else None


def iso_day_or_time(value: str | None) -> str | None:
    """Like :func:`parse_date`, written as ISO 8601; a date alone stays a date."""
    parsed = parse_date(value)
    if parsed is None:
        return None
    if value and len(value.strip()) == 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _fromisoformat(value: str | None) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
