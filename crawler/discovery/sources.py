"""The sources file for scheduled crawls: named sources in TOML, validated field by field.

    [[source]]
    name = "harbour-gazette"          # required, unique
    feeds = ["https://.../rss.xml"]   # any of feeds, sitemaps, home (at least one)
    sitemaps = ["https://.../robots.txt"]
    home = "https://.../"             # discover feeds and sitemaps, follow links
    since = "2d"                      # ISO date or duration (m, h, d, w)
    max_articles = 200
    allowed_domains = ["example.org"] # article and link hosts, subdomains included
    delay = 1.0                       # seconds between requests to this source's hosts
    poll = "2h"                       # fetch its feeds and sitemaps this often (m, h, d, w);
                                      # default: adaptive (crawler.discovery.polling)

A ``[defaults]`` table gives values for every source that does not set its own.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler import arguments, exitcodes
from crawler.discovery.plan import Plan
from crawler.exceptions import NewsCrawlerError, SpiderArgumentError

FIELDS = {
    "name", "feeds", "sitemaps", "home", "since", "max_articles", "allowed_domains",
    "delay", "subdomains", "languages", "poll",
}  # fmt: skip
DEFAULTABLE = FIELDS - {"name", "feeds", "sitemaps", "home"}


class SourcesFileError(NewsCrawlerError):
    """The sources file is missing, not TOML, or has a bad entry; raised by ``load_sources``."""

    exit_status = exitcodes.BAD_ARGUMENTS


def load_sources(path: Path) -> list[Plan]:
    """Read and validate a sources file; errors name the file, the entry and the field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"source", "defaults"}
    if unknown:
        raise SourcesFileError(f"{path}: unknown table(s) {sorted(unknown)}; use [[source]]")
    defaults = data.get("defaults", {})
    bad = set(defaults) - DEFAULTABLE
    if bad:
        raise SourcesFileError(f"{path}: [defaults]: field(s) {sorted(bad)} cannot be defaults")
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise SourcesFileError(f"{path}: no [[source]] entries")
    plans: list[Plan] = []
    for number, entry in enumerate(entries, start=1):
        label = f"{path}: source #{number}" + (f" {entry.get('name')!r}" if "name" in entry else "")
        try:
            plans.append(_plan({**defaults, **entry}))
        except SpiderArgumentError as exc:
            raise SourcesFileError(
                f"{label}: field {exc.argument!r}: {exc.value!r}: {exc.reason}"
            ) from None
        if plans[-1].name in {p.name for p in plans[:-1]}:
            raise SourcesFileError(f"{label}: field 'name': another source has this name")
    return plans


def _plan(entry: dict[str, Any]) -> Plan:
    unknown = set(entry) - FIELDS
    if unknown:
        field = sorted(unknown)[0]
        raise SpiderArgumentError(field, entry[field], f"unknown field; known: {sorted(FIELDS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SpiderArgumentError("name", name, "every source needs a name")
    plan = Plan(
        name=name.strip(),
        feeds=_urls(entry, "feeds"),
        sitemaps=_urls(entry, "sitemaps"),
        since=arguments.since("since", entry.get("since")),
        max_articles=arguments.positive_int("max_articles", entry.get("max_articles")),
        subdomains=arguments.boolean("subdomains", entry.get("subdomains", False)),
        languages=arguments.language_list("languages", entry.get("languages")),
    )
    if entry.get("home") is not None:
        homes = arguments.url_list("home", entry["home"])
        if len(homes) != 1:
            raise SpiderArgumentError("home", entry["home"], "expected one URL")
        plan.home = homes[0]
    if not (plan.feeds or plan.sitemaps or plan.home):
        raise SpiderArgumentError("feeds", None, "give at least one of feeds, sitemaps, home")
    domains = entry.get("allowed_domains")
    if domains is not None:
        if not isinstance(domains, list) or not all(isinstance(d, str) and d for d in domains):
            raise SpiderArgumentError("allowed_domains", domains, "expected a list of host names")
        plan.allowed_hosts = [d.lower().strip(".") for d in domains]
        plan.subdomains = True
    elif plan.home:
        plan.allowed_hosts = [(urlsplit(plan.home).hostname or "").lower()]
    delay = entry.get("delay")
    if delay is not None:
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or delay < 0:
            raise SpiderArgumentError("delay", delay, "expected seconds, 0 or more")
        plan.delay = float(delay)
    poll = entry.get("poll")
    if poll is not None:
        plan.poll = arguments.duration("poll", poll)
    return plan


def _urls(entry: dict[str, Any], field: str) -> list[str]:
    value = entry.get(field, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise SpiderArgumentError(field, value, "expected a list of URLs")
    return arguments.url_list(field, value)


def plan_hosts(plan: Plan) -> set[str]:
    """Every host a plan's own URLs name: where its per-source delay applies."""
    urls = [*plan.feeds, *plan.sitemaps, *([plan.home] if plan.home else [])]
    return {(urlsplit(u).hostname or "").lower() for u in urls} | set(plan.allowed_hosts)
