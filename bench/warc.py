"""Re-extraction from WARC against the extraction ceiling.

    python -m bench.warc [--pages 2000] [--templates DIR] [--set NAME=VALUE ...]

Builds bench.throughput's site (pages of 50-200 KB with real-world structure when
``../shared/pages`` is beside the checkout, else generated pages of about 60 KB), crawls it once
with ``-a warc=on`` (its pages/s with archiving on, and the WARC's size), then:

(a) the ceiling: trafilatura alone on the same pages, one process per core, no crawling,
    measured right before and right after (w);
(w) ``scrapy crawl warc`` over the crawl's WARC files: reading, extraction, duplicates and
    output, with the default settings;
(a') the crawler's whole extraction function (trafilatura and the evidence around it), the
    way (a) runs trafilatura: the ceiling of any run of this crawler;

and prints pages/s, CPU and peak memory of each, the ratios w/a (against the mean of the two
(a) runs) and w/a', and the rate of (w) over its first and last tenth of pages (what grows with the
size of an archive would show there).
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from bench.throughput import (
    DEFAULT_TEMPLATES,
    PROJECT,
    Measure,
    TreeWatcher,
    _extract,
    _trafilatura,
    build,
    ceiling,
    line,
    serve,
    templates,
)
from crawler.extraction.workers import default_workers


def settings(work: Path) -> list[str]:
    return [
        "-s", "NEWS_PROGRESS=off", "-s", f"NEWS_STATE_PATH={work}/state.sqlite3",
        "-s", f"NEWS_OUTPUT_PATH={work}/out/{{spider}}/{{start}}.jsonl",
        "-s", f"NEWS_REPORT_PATH={work}/out/{{spider}}/{{start}}.report.json",
        "-s", f"NEWS_WARC_PATH={work}/out/{{spider}}/{{start}}.warc.gz", "-L", "WARNING",
    ]  # fmt: skip


class Progress(threading.Thread):
    """When each line of the output appeared, and the crawl process's CPU by then: (seconds,
    lines, CPU seconds), sampled."""

    def __init__(self, folder: Path) -> None:
        super().__init__(daemon=True)
        self.folder = folder
        self.samples: list[tuple[float, int, float]] = []
        self.done = threading.Event()
        self.started = time.monotonic()
        self.process: psutil.Process | None = None

    def run(self) -> None:
        while not self.done.is_set():
            lines = 0
            for path in self.folder.glob("out/warc/*.jsonl*"):
                with contextlib.suppress(OSError):
                    lines += path.read_bytes().count(b"\n")
            cpu = self.samples[-1][2] if self.samples else 0.0
            with contextlib.suppress(psutil.Error, AttributeError):
                cpu = sum(self.process.cpu_times()[:2])  # type: ignore[union-attr]
            self.samples.append((time.monotonic() - self.started, lines, cpu))
            self.done.wait(0.25)


def measured(command: list[str], progress: Progress | None = None) -> Measure:
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    watcher = TreeWatcher(process.pid)
    watcher.start()
    if progress is not None:
        progress.process = psutil.Process(process.pid)
        progress.start()
    process.wait()
    watcher.done.set()
    watcher.join()
    if progress is not None:
        progress.done.set()
        progress.join()
    if process.returncode != 0:
        raise SystemExit(f"{command[3:6]} failed with status {process.returncode}")
    return Measure(time.monotonic() - started, sum(watcher.cpu.values()), watcher.peak,
                   watcher.peak_pss, watcher.largest, watcher.samples,
                   watcher.cpu.get(process.pid, 0.0))  # fmt: skip


def tenth_rates(
    samples: list[tuple[float, int, float]], total: int
) -> tuple[float, float, float, float]:
    """Pages per second, and the crawl process's CPU milliseconds a page, over the first and
    the last tenth of the pages written."""

    def at(count: float) -> tuple[float, int, float]:
        return next((s for s in samples if s[1] >= count), samples[-1])

    def over(start: float, end: float) -> tuple[float, float]:
        (t0, n0, c0), (t1, n1, c1) = at(start), at(end)
        return (n1 - n0) / max(t1 - t0, 1e-9), 1000 * (c1 - c0) / max(n1 - n0, 1)

    (first, first_cpu), (last, last_cpu) = over(1, total / 10), over(total * 0.9, total)
    return first, last, first_cpu, last_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for (w), e.g. NEWS_NEAR_DUPLICATE_THRESHOLD=0 "
                        "to see what near-duplicate search costs")  # fmt: skip
    args = parser.parse_args()
    workers = default_workers()
    pool = templates(args.templates)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bodies = build(args.pages, folder / "site", pool)
        print(f"{args.pages} pages from {len(pool)} templates; {workers} cores")
        server, url = serve(folder / "site")
        try:
            live = measured([sys.executable, "-m", "scrapy", "crawl", "sitemap",
                             "-a", f"sitemaps={url}/sitemap.xml", "-a", "warc=on",
                             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                             "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                             *settings(folder / "live")])  # fmt: skip
        finally:
            server.terminate()
            server.wait()
        files = sorted((folder / "live" / "out" / "sitemap").glob("*.warc.gz"))
        size = sum(path.stat().st_size for path in files)
        print(line("crawl with -a warc=on", args.pages, live))
        print(f"{'':30} {len(files)} WARC file(s), {size / 2**20:.0f} MB")
        a = ceiling(bodies, workers, _trafilatura)
        print(line(f"(a) trafilatura, {workers} processes", args.pages, a))
        progress = Progress(folder / "replay")
        w = measured([sys.executable, "-m", "scrapy", "crawl", "warc",
                      "-a", "files=" + ",".join(map(str, files)),
                      *settings(folder / "replay"),
                      *(part for pair in args.set for part in ("-s", pair))], progress)  # fmt: skip
        print(line("(w) scrapy crawl warc", args.pages, w))
        again = ceiling(bodies, workers, _trafilatura)
        print(line("(a) again, after (w)", args.pages, again))
        whole = ceiling(bodies, workers, _extract)
        print(line(f"(a') our extraction, {workers} proc.", args.pages, whole))
        written = progress.samples[-1][1] if progress.samples else 0
        first, last, first_cpu, last_cpu = (
            tenth_rates(progress.samples, written) if written >= 20 else (0.0,) * 4
        )
        mean_a = (a.seconds + again.seconds) / 2
        print(f"w/a = {mean_a / w.seconds:.2f} (against the first (a) alone "
              f"{a.seconds / w.seconds:.2f}, the second {again.seconds / w.seconds:.2f}); "
              f"w/a' = {whole.seconds / w.seconds:.2f}; "
              f"{written} articles written; (w) over its first tenth {first:.1f} pages/s "
              f"({first_cpu:.1f} ms a page in the crawl process), its last tenth {last:.1f} "
              f"pages/s ({last_cpu:.1f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
