"""Size: is a long crawl as fast at its end as at its start (issue 16)?

    python -m bench.size [--pages 60000] [--near on|off] [--real-share 0.1] [--templates DIR]

Generates a local site of short, template-like pages (archive stubs, weather and market
reports, sports results, obituaries: 40-150 words from a vocabulary of a few hundred, in the
demo site's news template), a tenth of them a copy of an earlier page with one or two words
changed, plus a share of real-structure pages (``../shared/pages`` with their prose shuffled,
as bench/throughput.py makes them), behind robots.txt and a sitemap index of sitemaps of at
most 50,000 URLs. Then crawls it with ``scrapy crawl sitemap``, the state store on, no
politeness delay (``--near off``: near duplicates off), reading Scrapy's once-a-second "Crawled
N pages" line, and prints for each tenth of the crawl its pages/s and the CPU milliseconds a
page of the crawl process itself (not its extraction workers), whose work per page (scheduler,
dedupe index, state store) is what could grow with the crawl; then the last tenth's CPU a page
over the first's (flat: about 1), the peak memory of the process tree and the run's counts.
The site is written under TMPDIR, a file a page (where creating files is slow: TMPDIR=/dev/shm).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psutil

from bench import throughput
from crawler import settings as project_settings
from crawler.demo.site import HOST_PLACEHOLDER, article_page
from crawler.demo.stories import Story

SITEMAP_LIMIT = 50_000  # URLs a sitemap may list (sitemaps.org protocol)
NEWEST = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
_LOGSTATS = re.compile(r"Crawled (\d+) pages \(at [\d.]+ pages/min\), scraped (\d+) items")
_CLOSING = "Closing spider ("  # every page fetched and processed; shutdown begins
# A small vocabulary, so that pages share many phrases as template-made ones do ("_": a space).
_W = {
    slot: [word.replace("_", " ") for word in words.split()]
    for slot, words in {
        "city": "Northgate Eastbrook Millford Westcliff Ravensport Oakridge Kingsbay Ashdown "
        "Thornbury Seaholme Brackwell Harbourside",
        "first": "Margaret John Elsie Arthur Dorothy Walter Agnes Harold Irene Frank Edith George",
        "last": "Hale Turner Moss Fletcher Barlow Crane Dunmore Pike Ward Holt Ashby Kerr Lomax",
        "team": "Rovers United Athletic Wanderers Harriers Albion Rangers Dynamo",
        "firm": "Shipping Steel Foods Energy Bank Textiles Pharma Telecom Breweries Motors",
        "cond": "cloudy sunny overcast misty stormy clear bright grey showery",
        "dir": "north south east west northeast southwest",
        "part": "morning afternoon evening night weekend",
        "day": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "move": "rose fell climbed slipped jumped eased",
        "topic": "interest_rates energy_prices export_orders wage_talks shipping_costs",
        "venue": "Harbour_Park the_Old_Ground Riverside Mill_Lane the_Dell",
        "job": "teacher fisherman nurse carpenter baker postman engineer librarian farmer",
        "hobby": "gardening sailing choir_singing bird_watching baking chess",
        "word": "council harbour town meeting plan road school market report week residents "
        "local committee bridge street station library museum festival police fire river park "
        "church village county board members building water works summer winter spring autumn "
        "election vote budget rates shops traffic ferry boats fishing quay pier lighthouse "
        "visitors history society annual dinner club charity fund appeal hospital ward doctors "
        "the a of and in on at for with from by to was were has had will would said says after "
        "before during new old first last long short good great small large early late public "
        "open closed repaired built opened planned agreed rejected delayed announced held "
        "celebrated recorded reported visited returned",
    }.items()
}
# Per kind of page: its title, then its sentences (archive stubs: words drawn at random).
_KINDS = {
    "weather": [
        "Weather for {city} on {day}: {cond}",
        "In {city} temperatures will reach {n} degrees by the {part} under {cond} skies.",
        "Winds from the {dir} blow at {m} kilometres an hour along the coast near {city2}.",
        "Forecasters expect {m} millimetres of rain in {city} before {day} {part}.",
        "Sunrise in {city} is at {h}:{mm} and high tide at {city2} comes at {h2}:{mm}.",
    ],
    "market": [
        "Market report: {city} {firm} {move} in {part} trading",
        "{city} {firm} shares {move} {n}.{m} percent to {p} pence in {part} trading.",
        "The {city2} index {move} {n} points to {p} as traders weighed {topic}.",
        "{m} million shares in {city} {firm} changed hands before the {part} close.",
    ],
    "sports": [
        "{city} {team} {g}-{g2} {city2} {team2}: {day} result",
        "{city} {team} beat {city2} {team2} {g}-{g2} at {venue} on {day} before {p} fans.",
        "{first} {last} scored twice for {city} {team} before the {part} break.",
        "{city2} {team} now sit {m} points behind with {n} games left to play.",
    ],
    "obituary": [
        "Obituary: {first} {last}, {job}, {age}",
        "{first} {last} of {city} died peacefully on {day} aged {age}.",
        "{first} worked as a {job} in {city2} for {n} years and loved {hobby}.",
        "{first} leaves {g} children and {n} grandchildren in {city}.",
        "A service will be held at {city2} church on {day} at {h} o'clock.",
    ],
    "archive": ["From the archive: the {word} and the {word2}"],
}


class _Draw(dict[str, Any]):
    """Values for a template's fields, each drawn when first asked for."""

    _NUMBERS = {"n": (0, 40), "m": (0, 90), "p": (100, 9000), "h": (1, 12), "h2": (1, 12),
                "g": (1, 6), "g2": (0, 5), "age": (60, 101), "mm": (10, 59)}  # fmt: skip

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> Any:
        if key in self._NUMBERS:
            value: Any = self.rng.randint(*self._NUMBERS[key])
        else:
            value = self.rng.choice(_W[key.rstrip("2")])  # city2: another city
        self[key] = value
        return value


def short_story(number: int) -> Story:
    """Page ``number``'s story: a title, 40-150 words in paragraphs of 1-3 sentences, a date."""
    rng = random.Random(number)
    kind = list(_KINDS)[number % len(_KINDS)]
    title, *templates = _KINDS[kind]
    title = title.format_map(_Draw(rng))
    target, words, sentences = rng.randint(40, 135), 0, list[str]()
    while words < target:
        if templates:
            sentence = rng.choice(templates).format_map(_Draw(rng))
        else:
            sentence = " ".join(rng.choices(_W["word"], k=rng.randint(6, 14))) + "."
        sentences.append(sentence[0].upper() + sentence[1:])
        words += sentence.count(" ") + 1
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        del sentences[:take]
    return Story(slug=f"{kind}-{number}", section=kind, title=f"{title} ({number})",
                 lead=paragraphs[0], paragraphs=paragraphs, authors=["Staff reporter"],
                 published=NEWEST - timedelta(minutes=7 * number), tags=[kind.title()])  # fmt: skip


def near_copy(story: Story, number: int) -> Story:
    """Page ``number``: ``story``'s text with one or two words (never a number) changed."""
    rng = random.Random(-number)
    words = "\n".join(story.paragraphs).split(" ")
    for _ in range(rng.randint(1, 2)):
        place = rng.choice([i for i, word in enumerate(words) if word.isalpha()])
        words[place] = rng.choice(_W["word"])
    return Story(slug=f"{story.section}-{number}", section=story.section,
                 title=f"{story.title} (update)", lead=story.lead,
                 paragraphs=" ".join(words).split("\n"), authors=story.authors,
                 published=NEWEST - timedelta(minutes=7 * number), tags=story.tags)  # fmt: skip


def is_real(number: int, share: float) -> bool:
    return int((number + 1) * share) > int(number * share)  # spread evenly


def original(number: int, share: float) -> int:
    """The short page that near copy ``number`` copies: any earlier one, near or far."""
    other = random.Random(number).randrange(number)
    while is_real(other, share) or other % 10 == 4:
        other -= 1  # page 0 is always a short original
    return other


def generate(pages: int, real_share: float, folder: Path, pool: list[bytes]) -> str:
    """Writes the site in ``crawler.demo.site.write_site``'s format (files, ``_routes.json``),
    but a page at a time: ``write_site`` takes the whole site in memory, gigabytes at 100,000
    pages. Returns a line saying what the site holds."""
    routes: dict[str, dict[str, str]] = {}
    folder.mkdir(parents=True)

    def add(path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        routes[path] = {"file": f"r{len(routes):06d}", "type": content_type}
        (folder / routes[path]["file"]).write_bytes(body)

    entries: list[str] = []
    near = real = size = 0
    for number in range(pages):
        date = NEWEST - timedelta(minutes=7 * number)
        if is_real(number, real_share):
            path = f"/real/{number}.html"
            body = throughput.unique_page(pool[number % len(pool)], number)
            if b"article:published_time" not in body:
                meta = f'<meta property="article:published_time" content="{date.isoformat()}">'
                body = body.replace(b"</head>", meta.encode() + b"</head>", 1)
            real += 1
        else:
            if number % 10 == 4:  # a near copy
                story = near_copy(short_story(original(number, real_share)), number)
                near += 1
            else:
                story = short_story(number)
            path, body = story.path, article_page(story).encode()
        add(path, body)
        size += len(body)
        entries.append(f"<url><loc>{HOST_PLACEHOLDER}{path}</loc><lastmod>{date:%Y-%m-%d}</lastmod></url>")  # fmt: skip
    xmlns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    children: list[str] = []
    for index, start in enumerate(range(0, pages, SITEMAP_LIMIT)):
        urlset = f"<urlset {xmlns}>{''.join(entries[start : start + SITEMAP_LIMIT])}</urlset>"
        add(f"/sitemap-{index}.xml", urlset.encode(), "application/xml")
        children.append(f"<sitemap><loc>{HOST_PLACEHOLDER}/sitemap-{index}.xml</loc></sitemap>")
    sitemap_index = f"<sitemapindex {xmlns}>{''.join(children)}</sitemapindex>"
    add("/sitemap.xml", sitemap_index.encode(), "application/xml")
    add("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
    (folder / "_routes.json").write_text(json.dumps(routes), encoding="utf-8")
    return (
        f"{pages} pages: {pages - real} short ({near} near copies), {real} real-structure from "
        f"{len(pool)} templates; {len(children)} sitemaps; {size / 2**20:.0f} MB"
    )


@dataclass
class Sample:
    seconds: float  # since the crawl command started
    pages: int  # responses received (robots.txt and sitemaps too)
    items: int
    cpu: float  # user + system seconds of the crawl process alone


@dataclass
class Run:
    samples: list[Sample]
    watcher: throughput.TreeWatcher
    seconds: float
    stats: dict[str, Any]  # from the run report


def crawl(site: Path, work: Path, near: bool) -> Run:
    # LogStats is off in the project (its progress line replaces it): on again, once a second.
    extensions = {**project_settings.EXTENSIONS, "scrapy.extensions.logstats.LogStats": 0}
    server, url = throughput.serve(site)
    try:
        command = [*throughput.crawl_command(url, work), "-L", "INFO", "-s", "LOGSTATS_INTERVAL=1",
                   "-s", f"EXTENSIONS={json.dumps(extensions)}"]  # fmt: skip
        if not near:
            command += ["-s", "NEWS_NEAR_DUPLICATE_THRESHOLD=0"]
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=throughput.PROJECT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        own, tail = psutil.Process(process.pid), deque[str](maxlen=40)
        samples: list[Sample] = []
        closing: list[Sample] = []

        def read() -> None:
            for line in process.stderr:  # type: ignore[union-attr]
                tail.append(line)
                found = _LOGSTATS.search(line)
                if not found and _CLOSING not in line:
                    continue
                try:
                    times = own.cpu_times()
                except psutil.NoSuchProcess:
                    continue
                seconds, cpu = time.monotonic() - started, times.user + times.system
                if found:
                    samples.append(Sample(seconds, int(found[1]), int(found[2]), cpu))
                else:  # its counts are the run report's, read at the end
                    closing.append(Sample(seconds, -1, -1, cpu))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        watcher = throughput.TreeWatcher(process.pid)
        watcher.start()
        process.wait()
        seconds = time.monotonic() - started
        watcher.done.set()
        watcher.join()
        reader.join()
    finally:
        server.terminate()
        server.wait()
    reports = sorted(work.glob("out/*/*.report.json"))
    if process.returncode != 0 or not reports or not samples:
        sys.stderr.write("".join(tail))
        raise SystemExit(f"the crawl failed (status {process.returncode})")
    stats = json.loads(reports[-1].read_text(encoding="utf-8"))["stats"]
    # The last tenth ends when the spider closes (else: the watcher's last reading, at exit).
    end = closing[0] if closing else Sample(seconds, 0, 0, watcher.cpu.get(process.pid, 0.0))
    pages, items = stats.get("response_received_count", 0), stats.get("item_scraped_count", 0)
    samples.append(Sample(end.seconds, pages, items, max(samples[-1].cpu, end.cpu)))
    return Run(samples, watcher, seconds, stats)


def at(samples: list[Sample], pages: float) -> tuple[float, float]:
    """(seconds, CPU seconds) when the crawl had fetched ``pages``, interpolated."""
    if pages <= samples[0].pages:
        return samples[0].seconds, samples[0].cpu
    for before, after in itertools.pairwise(samples):
        if after.pages >= pages:
            share = (pages - before.pages) / (after.pages - before.pages)
            return (
                before.seconds + share * (after.seconds - before.seconds),
                before.cpu + share * (after.cpu - before.cpu),
            )
    return samples[-1].seconds, samples[-1].cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60_000)
    parser.add_argument("--near", choices=("on", "off"), default="on")
    parser.add_argument("--real-share", type=float, default=0.1)
    parser.add_argument("--templates", type=Path, default=throughput.DEFAULT_TEMPLATES)
    args = parser.parse_args()
    if args.pages < 10:
        parser.error("--pages must be at least 10 (the crawl is cut in tenths)")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        pool = throughput.templates(args.templates)
        summary = generate(args.pages, args.real_share, Path(tmp) / "site", pool)
        print(f"generated in {time.monotonic() - started:.1f} s: {summary}")
        run = crawl(Path(tmp) / "site", Path(tmp) / "run", args.near == "on")
    total = run.samples[-1].pages
    if total < args.pages:
        raise SystemExit(f"only {total} responses for {args.pages} pages: the crawl fell short")
    print(f"near duplicates {args.near}; {len(run.samples) - 1} samples; tenths by pages fetched")
    print("tenth        pages  seconds  pages/s  CPU ms/page (crawl process)")
    per_page: list[float] = []
    for k in range(10):
        (t0, c0), (t1, c1) = at(run.samples, total * k / 10), at(run.samples, total * (k + 1) / 10)
        per_page.append((c1 - c0) / (total / 10) * 1000)
        rate = total / 10 / (t1 - t0) if t1 > t0 else float("inf")
        pages = f"{total * k // 10}-{total * (k + 1) // 10}"
        print(f"{k + 1:>5} {pages:>12} {t1 - t0:8.1f} {rate:8.1f} {per_page[-1]:8.2f}")
    print(
        f"whole crawl: {total} pages in {run.seconds:.1f} s = {total / run.seconds:.1f} pages/s "
        f"(start-up and shutdown included); CPU a page, last tenth / first: "
        f"{per_page[-1] / per_page[0]:.2f}; peak RSS (sum) {run.watcher.peak:.0f} MB, "
        f"PSS {run.watcher.peak_pss:.0f} MB, largest process {run.watcher.largest:.0f} MB"
    )
    keys = ["item_scraped_count", "extraction/no_article", "duplicates/url", "duplicates/exact",
            "duplicates/near", "duplicates/near_verified", "repeats/articles_cleaned",
            "repeats/lines_removed", "log_count/ERROR", "log_count/WARNING"]  # fmt: skip
    print("stats: " + ", ".join(f"{key} {run.stats.get(key, 0)}" for key in keys))


if __name__ == "__main__":
    main()
