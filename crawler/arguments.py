"""Parsing of spider arguments and sources-file values; errors name the argument and value."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from crawler.exceptions import SpiderArgumentError
from crawler.utils.dates import parse_date
from crawler.utils.text import primary_language
from crawler.utils.urls import absolute_http_url

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def url_list(argument: str, value: Any) -> list[str]:
    """A comma-separated string (or a list) of http(s) URLs."""
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    elif isinstance(value, str):
        parts = value.split(",")
    else:
        raise SpiderArgumentError(argument, value, "expected URL[,URL...]")
    urls = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        url = absolute_http_url(part, part)
        if url is None:
            raise SpiderArgumentError(argument, part, "not an http(s) URL")
        urls.append(url)
    return urls


def host_list(argument: str, value: Any) -> list[str]:
    """A comma-separated string (or a list) of host names, lower-cased (``example.org``)."""
    parts = value if isinstance(value, (list, tuple)) else str(value or "").split(",")
    hosts = []
    for part in (str(p).strip().lower().strip(".") for p in parts):
        if not part:
            continue
        if "/" in part or " " in part or not re.fullmatch(r"[\w.:\[\]-]+", part):
            raise SpiderArgumentError(argument, part, "expected a host name (example.org)")
        hosts.append(part)
    return hosts


def language_list(argument: str, value: Any) -> list[str]:
    """A comma-separated string (or a list) of language codes (``en,de``, ``pt-BR``), kept as
    their primary subtags, lower-cased."""
    parts = value if isinstance(value, (list, tuple)) else str(value or "").split(",")
    codes = []
    for part in (str(p).strip() for p in parts):
        if not part:
            continue
        code = primary_language(part)
        if code is None:
            raise SpiderArgumentError(argument, part, "expected a language code (en, de, pt-BR)")
        codes.append(code)
    return codes


def since(argument: str, value: Any, now: datetime | None = None) -> datetime | None:
    """An ISO date or datetime (``2026-11-01``, ``2026-11-01T06:00:00+01:00``) or a duration
    back from now (``30m``, ``36h``, ``7d``, ``2w``); None when empty. Naive times are UTC."""
    if value is None or value == "":
        return None
    text = str(value)
    match = _DURATION.match(text)
    if match:
        delta = timedelta(**{_UNITS[match.group(2).lower()]: float(match.group(1))})
        return (now or datetime.now(UTC)) - delta
    parsed = parse_date(text)
    if parsed is None:
        raise SpiderArgumentError(
            argument, value, "expected an ISO date (2026-11-01) or a duration (36h, 7d)"
        )
    return parsed


def duration(argument: str, value: Any) -> float:
    """A duration (``30m``, ``2h``, ``1d``, ``1w``) in seconds, more than zero."""
    match = _DURATION.match(str(value))
    if not match or float(match.group(1)) <= 0:
        raise SpiderArgumentError(argument, value, "expected a duration (30m, 2h, 1d, 1w)")
    return timedelta(**{_UNITS[match.group(2).lower()]: float(match.group(1))}).total_seconds()


def positive_int(argument: str, value: Any) -> int | None:
    """A whole number above zero; None when empty."""
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SpiderArgumentError(argument, value, "expected a whole number") from None
    if number <= 0:
        raise SpiderArgumentError(argument, value, "must be above zero")
    return number


def boolean(argument: str, value: Any) -> bool:
    """true/false, yes/no, 1/0, on/off."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise SpiderArgumentError(argument, value, "expected true or false")
