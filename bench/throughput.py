"""Throughput: the crawler end to end against the ceiling and a naive spider.

    python -m bench.throughput [--pages 5000] [--long 20000] [--templates DIR]
    python -m bench.throughput --compare NEWS_REPEATED_LINES_WINDOW=0  # what a part costs

Generates a local site of article pages of 50-200 KB with real-world structure (the pages of
``../shared/pages`` in that size range as templates, their paragraphs' words shuffled so that
every page has its own text; generated pages when the folder is missing) and a sitemap,
served on 127.0.0.1. Then, on the same pages:

(a) the ceiling: trafilatura alone (``bare_extraction`` with the options the crawler gives it),
    in one process per core, no crawling; measured right before and right after (b), as the
    machine's speed drifts, and b/a taken against the mean;
(b) the crawler: ``scrapy crawl sitemap`` with the default settings, but no politeness delay
    and 16 requests at a time for the local host;
(a') the crawler's whole extraction function (decoding, trafilatura, JSON-LD and meta evidence,
    pitch boxes), the way (a) runs trafilatura;
(c) a naive Scrapy spider that calls trafilatura (same options) in its callback
    (bench/naive_spider.py);

and prints pages/s, CPU
use (cores busy) and the peak memory of each: the peak of the sum of
RSS over the whole process tree (the strictest measure: pages shared between processes, such
as libraries, counted once per process), the peak of the sum of PSS (shared pages split among
the processes sharing them) and the largest single process; then the ratios b/a, b/a' and
b/c, and a crawl of ``--long`` pages with its memory over time.
"""

from __future__ import annotations

import argparse
import copy
import multiprocessing
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil
from trafilatura import bare_extraction

from crawler.demo.site import HOST_PLACEHOLDER, Resource, Site, article_page, write_site
from crawler.demo.stories import make_stories
from crawler.extraction.extract import extract_page, trafilatura_options
from crawler.extraction.extracted import ExtractionOptions
from crawler.extraction.prefilter import unguarded
from crawler.extraction.workers import default_workers
from crawler.utils.memory import tune_malloc

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_TEMPLATES = PROJECT.parent / "shared" / "pages"
_PARAGRAPH = re.compile(rb"(<p[^>]*>)(.*?)(</p>)", re.DOTALL | re.IGNORECASE)
_CODE = re.compile(rb"(<script.*?</script>|<style.*?</style>)", re.DOTALL | re.IGNORECASE)
_TEXT_RUN = re.compile(rb">([^<]{40,})<")
_WORD = re.compile(rb"(?<![&#\w])[A-Za-z]{4,}")  # not an entity's name (&nbsp;)
# The template's own address: every page made from it would claim to be the same article.
_OWN_URL = re.compile(
    rb"<link[^>]*rel=[\"']?canonical[^>]*>|<meta[^>]*property=[\"']?og:url[^>]*>", re.IGNORECASE
)


def templates(folder: Path) -> list[bytes]:
    pages = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.html")):
            body = path.read_bytes()
            if 50_000 <= len(body) <= 200_000 and len(_PARAGRAPH.findall(body)) >= 5:
                pages.append(body)
    if not pages:  # no real pages: generated ones, padded with navigation to about 60 KB
        for story in make_stories(40, seed=9):
            page = article_page(story)
            nav = "".join(f'<li><a href="/topic/{i}/">Topic {i}</a></li>' for i in range(900))
            pages.append(page.replace("</body>", f"<nav><ul>{nav}</ul></nav></body>").encode())
    return pages


def unique_page(template: bytes, number: int) -> bytes:
    """The template with the words of its prose shuffled (every run of text of eight words or
    more outside scripts and styles, so menus and footers stay as they are) and its canonical
    URL taken out: same structure, own text, own address."""
    rng = random.Random(number)

    def shuffle(match: re.Match[bytes]) -> bytes:
        words = _WORD.findall(match.group(1))
        if len(words) < 8:
            return match.group(0)
        rng.shuffle(words)
        pool = iter(words)
        return b">" + _WORD.sub(lambda _: next(pool), match.group(1)) + b"<"

    parts = _CODE.split(_OWN_URL.sub(b"", template))
    return b"".join(
        part if _CODE.fullmatch(part) else _TEXT_RUN.sub(shuffle, part) for part in parts
    )


def build(count: int, folder: Path, pool: list[bytes]) -> list[bytes]:
    bodies = [unique_page(pool[n % len(pool)], n) for n in range(count)]
    res = {f"/a/{n}.html": Resource(body, "text/html") for n, body in enumerate(bodies)}
    urls = "".join(f"<url><loc>{HOST_PLACEHOLDER}/a/{n}.html</loc></url>" for n in range(count))
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    res["/sitemap.xml"] = Resource(sitemap.encode(), "application/xml")
    res["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    folder.mkdir(parents=True, exist_ok=True)
    write_site(Site(resources=res, stories=[]), folder)
    return bodies


@dataclass
class Measure:
    seconds: float
    cpu: float  # CPU seconds of the tree
    peak_rss: float  # MB, the whole process tree at its peak
    peak_pss: float  # MB, the same counting shared pages once
    largest: float  # MB, the peak RSS of the largest single process
    samples: list[tuple[float, float]]  # (seconds, MB)
    own_cpu: float = 0.0  # CPU seconds of the command's own process (a crawl: not its workers)


class TreeWatcher(threading.Thread):
    """Samples RSS and CPU of a process and all its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = 0.0
        self.peak_pss = 0.0
        self.largest = 0.0
        self.cpu: dict[int, float] = {}
        self.samples: list[tuple[float, float]] = []
        self.done = threading.Event()
        self.started = time.monotonic()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            rss = pss = 0
            for proc in procs:
                try:
                    memory = proc.memory_full_info()
                    one = memory.rss
                    rss += one
                    pss += memory.pss
                    self.largest = max(self.largest, one / 2**20)
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system
                except psutil.NoSuchProcess:
                    pass
            self.peak = max(self.peak, rss / 2**20)
            self.peak_pss = max(self.peak_pss, pss / 2**20)
            self.samples.append((time.monotonic() - self.started, rss / 2**20))
            self.done.wait(0.2)


def watch(command: list[str]) -> Measure:
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    watcher = TreeWatcher(process.pid)
    watcher.start()
    process.wait()
    watcher.done.set()
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"{command[3:6]} failed with status {process.returncode}")
    return Measure(
        time.monotonic() - started,
        sum(watcher.cpu.values()),
        watcher.peak,
        watcher.peak_pss,
        watcher.largest,
        watcher.samples,
        watcher.cpu.get(process.pid, 0.0),
    )


def _extract(body: bytes) -> bool:
    return (
        extract_page(body, "http://127.0.0.1/a.html", "text/html", None, ExtractionOptions())
        is not None
    )


_TRAFILATURA = trafilatura_options(ExtractionOptions())


def _trafilatura(body: bytes) -> bool:
    options = copy.copy(_TRAFILATURA)
    options.url = options.source = "http://127.0.0.1/a.html"
    with unguarded():  # trafilatura as it comes (a no-op unless an extractor was built here)
        return bare_extraction(body, url=options.url, options=options) is not None


def ceiling(bodies: list[bytes], workers: int, function: Callable[[bytes], bool]) -> Measure:
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers, initializer=tune_malloc) as pool:
        pool.map(function, bodies[:workers])  # warm: imports done before the clock starts
        start_cpu = sum(sum(p.cpu_times()[:2]) for p in psutil.Process().children(recursive=True))
        started = time.monotonic()
        watcher = TreeWatcher(psutil.Process().pid)
        watcher.start()
        pool.map(function, bodies, chunksize=4)
        seconds = time.monotonic() - started
        cpu = (
            sum(sum(p.cpu_times()[:2]) for p in psutil.Process().children(recursive=True))
            - start_cpu
        )
        watcher.done.set()
        watcher.join()
    return Measure(seconds, cpu, watcher.peak, watcher.peak_pss, watcher.largest, watcher.samples)


def serve(folder: Path) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.siteserver", str(folder)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    return server, server.stdout.readline().strip()  # type: ignore[union-attr]


def crawl(command: Callable[[str, Path], list[str]], site: Path, work: Path) -> Measure:
    """Serve the site only while a crawl of it runs: the server holds every page, and a
    ceiling measured meanwhile would count it in its process tree."""
    server, url = serve(site)
    try:
        return watch(command(url, work))
    finally:
        server.terminate()
        server.wait()


def crawl_command(url: str, work: Path) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "crawl", "sitemap", "-a", f"sitemaps={url}/sitemap.xml",
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "NEWS_PROGRESS=off",
        "-s", f"NEWS_OUTPUT_PATH={work}/out/{{spider}}/{{start}}.jsonl",
        "-s", f"NEWS_REPORT_PATH={work}/out/{{spider}}/{{start}}.report.json",
        "-s", f"NEWS_STATE_PATH={work}/state.sqlite3", "-L", "WARNING",
    ]  # fmt: skip


def naive_command(url: str, work: Path) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "runspider", "bench/naive_spider.py",
        "-a", f"sitemap={url}/sitemap.xml", "-O", f"{work}/naive.jsonl",
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "NEWS_STATE_PATH=", "-L", "WARNING",
    ]  # fmt: skip


def line(label: str, pages: int, m: Measure) -> str:
    return (
        f"{label:30} {pages / m.seconds:7.1f} pages/s  {m.seconds:7.1f} s  "
        f"CPU {m.cpu / m.seconds:4.2f} cores ({m.cpu / pages * 1000:4.1f} ms a page"
        + (f", {m.own_cpu / pages * 1000:.1f} in the crawl process" if m.own_cpu else "")
        + ")  "
        f"peak RSS (sum) {m.peak_rss:4.0f} MB, PSS {m.peak_pss:4.0f} MB, "
        f"largest process {m.largest:4.0f} MB"
    )


def compare(setting: str, pages: int, folder: Path) -> None:
    """(b) by turns as it is and with ``setting``, twice each: the machine drifts."""
    seconds: dict[bool, list[float]] = {False: [], True: []}
    for turn, changed in enumerate((False, True, False, True)):
        extra = ["-s", setting] if changed else []

        def command(url: str, work: Path, extra: list[str] = extra) -> list[str]:
            return crawl_command(url, work) + extra

        m = crawl(command, folder / "site", folder / f"compare-{turn}")
        seconds[changed].append(m.seconds)
        print(line(f"(b) {'with ' + setting if changed else 'as it is'}", pages, m))
    ratio = sum(seconds[False]) / sum(seconds[True])
    print(f"pages/s with {setting} over pages/s as it is: {ratio:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--long", type=int, default=20000)
    parser.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES)
    parser.add_argument(
        "--compare",
        metavar="SETTING=VALUE",
        help="only (b), four times, by turns as it is and with this setting: what a part costs",
    )
    args = parser.parse_args()
    workers = default_workers()
    pool = templates(args.templates)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bodies = build(args.pages, folder / "site", pool)
        sizes = sorted(len(b) for b in bodies)
        print(
            f"{args.pages} pages from {len(pool)} templates, {sizes[0] // 1000}-{sizes[-1] // 1000} KB "
            f"(median {sizes[len(sizes) // 2] // 1000} KB); {workers} cores"
        )
        if args.compare:
            compare(args.compare, args.pages, folder)
            return
        # The machine's speed drifts by several percent within minutes: the ceiling is measured
        # right before and right after the crawler, and b/a is taken against the two runs' mean.
        a = ceiling(bodies, workers, _trafilatura)
        print(line(f"(a) trafilatura, {workers} processes", args.pages, a))
        b = crawl(crawl_command, folder / "site", folder / "b")
        print(line("(b) crawler end to end", args.pages, b))
        again = ceiling(bodies, workers, _trafilatura)
        print(line("(a) again, after (b)", args.pages, again))
        whole = ceiling(bodies, workers, _extract)
        print(line(f"(a') our extraction, {workers} proc.", args.pages, whole))
        c = crawl(naive_command, folder / "site", folder / "c")
        print(line("(c) naive spider", args.pages, c))
        del bodies
        mean_a = (a.seconds + again.seconds) / 2
        print(
            f"b/a = {mean_a / b.seconds:.2f} (against the first (a) alone "
            f"{a.seconds / b.seconds:.2f}, the second {again.seconds / b.seconds:.2f})   "
            f"b/a' = {whole.seconds / b.seconds:.2f}   b/c = {c.seconds / b.seconds:.2f}"
        )
        if args.long:
            build(args.long, folder / "long", pool)
            m = crawl(crawl_command, folder / "long", folder / "long-run")
            print(line(f"crawler, {args.long} pages", args.long, m))
            print(
                f"time per page: {b.seconds / args.pages * 1000:.1f} ms at {args.pages}, "
                f"{m.seconds / args.long * 1000:.1f} ms at {args.long}"
            )
            quarters = [m.samples[int(len(m.samples) * q) - 1] for q in (0.25, 0.5, 0.75, 1.0)]
            print(
                "RSS (sum) over the long crawl: "
                + ", ".join(f"{s:.0f} s {mb:.0f} MB" for s, mb in quarters)
            )


if __name__ == "__main__":
    main()
