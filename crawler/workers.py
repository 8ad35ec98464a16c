"""Extraction off the reactor thread: a pool of worker processes (pebble).

Scrapy runs spiders and pipelines on one thread; extraction done there stalls every download.
The extraction pipeline sends each page to this pool and awaits the result, so the reactor
keeps downloading while the workers extract on every core.

Backpressure comes from Scrapy itself: a response counts towards ``SCRAPER_SLOT_MAX_ACTIVE_SIZE``
until its items have left the pipelines, and the engine stops downloading while that is
exceeded, so pages waiting for a worker cannot pile up.

A page whose extraction runs past its timeout is abandoned and its worker killed and replaced;
a worker that dies (a crash in a parser) is replaced as well. Either way the crawl goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import importlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired, ProcessPool

logger = logging.getLogger(__name__)


class ExtractionTimeout(Exception):
    """A page took longer than the timeout; its worker was replaced."""


class WorkerDied(Exception):
    """The worker process died on a page (crash, out of memory); it was replaced."""


def default_workers() -> int:
    """One worker per CPU core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


M_ARENA_MAX, M_MMAP_THRESHOLD = -8, -3  # glibc's mallopt parameters


def tune_malloc() -> None:
    """In the crawl process and each worker: blocks of 128 KiB and more (a page's body, its
    decoded text, lxml's buffers) come from mmap and go back to the system when freed; glibc's
    moving threshold would otherwise keep them in the heap, at the largest page's high-water
    mark. And two malloc arenas at most: the crawl process's threads (DNS, SQLite) would each
    get their own."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to tune
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        libc.mallopt(M_ARENA_MAX, 2)


GC_THRESHOLDS = (10_000, 20, 10)  # Python's: (700, 10, 10)


def freeze_heap() -> None:
    """Once a process has built what it keeps for life (modules, Scrapy's components, the
    extractor's tables): that moves out of the cyclic garbage collector's sight, and the
    youngest generation is collected after 10,000 new containers instead of 700. A crawl
    process spent 8% of its CPU in collections (0.4 ms a page), most of them walking the same
    long-lived objects again; now a fifth of that."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


_FUNCTIONS: dict[str, Callable[..., Any]] = {}


def call(path: str, *args: Any) -> Any:
    """Run the function named by a dotted path, in the worker: the crawl process need not
    import the extractor (and trafilatura) at all, nor the worker Scrapy."""
    return (_FUNCTIONS.get(path) or _load(path))(*args)


def _load(path: str) -> Callable[..., Any]:
    module, _, name = path.rpartition(".")
    function = _FUNCTIONS[path] = getattr(importlib.import_module(module), name)
    return function


def start_worker(path: str | None) -> None:
    """A new worker's first moments: malloc tuned; the function at ``path`` imported and its
    module's ``warm_up()``, if it has one, run. Workers start with the pool, while Scrapy is
    still starting and fetching the first feeds or sitemaps, so that this second or so of
    imports is not spent while pages wait."""
    tune_malloc()
    if not path:
        return
    try:
        function = _load(path)
        warm_up = getattr(importlib.import_module(function.__module__), "warm_up", None)
        if callable(warm_up):
            warm_up()
    except Exception:  # a worker that dies here would break the pool: pages say what is wrong
        logger.exception("Extraction worker could not warm up %s", path)
    freeze_heap()


class WorkerPool:
    def __init__(
        self,
        workers: int,
        timeout: float,
        max_tasks: int = 0,
        preload: Sequence[str] = (),
        warm: str | None = None,
    ) -> None:
        self.workers = workers
        self.timeout = timeout
        # forkserver: workers start from a clean interpreter, not a fork of the running reactor
        # (nor of the scrapy command, as "spawn" would: it imports the main module again). The
        # modules in ``preload`` are imported once in that server and shared copy-on-write; by
        # default none: a preloaded server is one more process holding the whole extractor.
        # max_tasks: a worker is replaced after that many pages, so memory cannot creep.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        self.pool = ProcessPool(
            max_workers=workers,
            max_tasks=max_tasks,
            context=context,
            initializer=start_worker,
            initargs=(warm,),
        )
        self.pool.schedule(os.getpid)  # pebble starts its workers on the first task: now

    async def run(self, path: str, *args: Any) -> Any:
        """Run the function at ``path`` with ``args`` in a worker; raise ExtractionTimeout or
        WorkerDied."""
        future = self.pool.schedule(call, args=(path, *args), timeout=self.timeout)
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout:
            raise ExtractionTimeout(f"no result after {self.timeout:g} s") from None
        except ProcessExpired as exc:
            raise WorkerDied(f"worker exited with code {exc.exitcode}") from None

    def close(self) -> None:
        self.pool.close()
        self.pool.join(timeout=10)
        if self.pool.active:
            self.pool.stop()
            self.pool.join()
