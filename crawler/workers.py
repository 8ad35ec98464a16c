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


_FUNCTIONS: dict[str, Callable[..., Any]] = {}


def call(path: str, *args: Any) -> Any:
    """Run the function named by a dotted path, in the worker: the crawl process need not
    import the extractor (and trafilatura) at all, nor the worker Scrapy."""
    function = _FUNCTIONS.get(path)
    if function is None:
        module, _, name = path.rpartition(".")
        function = _FUNCTIONS[path] = getattr(importlib.import_module(module), name)
    return function(*args)


class WorkerPool:
    def __init__(
        self, workers: int, timeout: float, max_tasks: int = 0, preload: Sequence[str] = ()
    ) -> None:
        self.workers = workers
        self.timeout = timeout
        # forkserver: workers start from a clean interpreter, not a fork of the running reactor;
        # the modules in ``preload`` are imported once in that server and shared by the workers.
        # max_tasks: a worker is replaced after that many pages, so memory cannot creep.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        self.pool = ProcessPool(max_workers=workers, max_tasks=max_tasks, context=context)

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
