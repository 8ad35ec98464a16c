"""Extraction off the reactor thread: a pool of worker processes fed by the event loop.

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
import fcntl
import importlib
import logging
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from crawler.utils.memory import freeze_heap, tune_malloc

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


def schedule_as_batch() -> None:
    """In a worker: Linux's SCHED_BATCH, for work that is all CPU and never waits for a user.
    The crawl process, woken by the network all the time, no longer cuts into a worker's
    extraction at each wake-up (a context switch, caches cooled), and the worker runs in longer
    slices: a few percent less CPU a page (``python -m bench.throughput``: b's CPU a page less
    the crawl process's, against a'). Any system without it: nothing changes."""
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))


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
    """Worker processes fed from the reactor's own event loop: one pipe a worker, read by the
    loop, and no threads in the crawl process. pebble's pool, used before, ran three threads
    there to hand pages and results to and from the reactor thread: 0.5 ms of the crawl
    process's CPU a page (``python -m bench.throughput`` prints it: 4.7 ms, now 4.2).

    Each worker is sent its next page before it has finished the one in hand, so that it never
    waits for the reactor (busy with downloads and pipelines) to read its result; the timeout
    of a page starts when the worker is done with the page before it.
    """

    AHEAD = 1  # pages sent to a worker beyond the one it is extracting

    def __init__(
        self,
        workers: int,
        timeout: float,
        max_tasks: int = 0,
        preload: Sequence[str] = (),
        warm: str | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_tasks = max_tasks
        self.warm = warm
        # forkserver: workers start from a clean interpreter, not a fork of the running reactor
        # (nor of the scrapy command, as "spawn" would: it imports the main module again). The
        # modules in ``preload`` are imported once in that server and shared copy-on-write; by
        # default none: a preloaded server is one more process holding the whole extractor.
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(list(preload))
        self.waiting: deque[_Task] = deque()
        self.loop = asyncio.get_event_loop()
        self.closed = False
        # They start now, and import the extractor while Scrapy starts.
        self.workers = [self._start() for _ in range(workers)]

    def _start(self) -> _Worker:
        pages_out, pages_in = self.context.Pipe(duplex=False)  # (reading end, writing end)
        answers_out, answers_in = self.context.Pipe(duplex=False)
        process = self.context.Process(
            target=_serve, args=(pages_out, answers_in, self.warm), daemon=True
        )
        process.start()
        pages_out.close()
        answers_in.close()
        worker = _Worker(process, pages_in, answers_out, _widened(pages_in.fileno()))
        self.loop.add_reader(answers_out.fileno(), self._answered, worker)
        return worker

    async def run(self, path: str, *args: Any) -> Any:
        """Run the function at ``path`` with ``args`` in a worker; raise ExtractionTimeout or
        WorkerDied."""
        future: asyncio.Future[Any] = self.loop.create_future()
        self.waiting.append((pickle.dumps((path, args), pickle.HIGHEST_PROTOCOL), future))
        self._dispatch()
        return await future

    def _dispatch(self) -> None:
        """Send waiting pages: first to idle workers, then one ahead to busy ones."""
        for depth in range(1 + self.AHEAD):
            for worker in list(self.workers):  # a failed send replaces a worker
                while self.waiting and self.waiting[0][1].done():  # cancelled while waiting
                    self.waiting.popleft()
                if not self.waiting or self.closed:
                    return
                if (
                    worker in self.workers
                    and len(worker.tasks) == depth
                    and worker.may_take(self.max_tasks)
                    and worker.fits(self.waiting[0][0])
                ):
                    self._send(worker)

    def _send(self, worker: _Worker) -> None:
        """Send the first waiting page to ``worker``."""
        task = self.waiting.popleft()
        worker.tasks.append(task)
        worker.sent += 1
        if len(worker.tasks) == 1:
            worker.timer = self.loop.call_later(self.timeout, self._expired, worker)
        try:
            worker.pages.send_bytes(task[0])
        except OSError:  # it died since its last answer: this page goes to another
            worker.tasks.pop()
            self.waiting.appendleft(task)
            self._replace(worker, WorkerDied(f"worker exited with code {worker.exitcode()}"))

    def _answered(self, worker: _Worker) -> None:
        try:
            ok, value = pickle.loads(worker.answers.recv_bytes())
        except (EOFError, OSError):  # it died: a crash in a parser, the OOM killer
            self._replace(worker, WorkerDied(f"worker exited with code {worker.exitcode()}"))
            return
        except Exception as exc:  # a result that does not unpickle
            ok, value = False, exc
        _, future = worker.tasks.popleft()
        worker.cancel_timer()
        if worker.tasks:  # it has started on the next one
            worker.timer = self.loop.call_later(self.timeout, self._expired, worker)
        if future.done():
            pass  # its caller is gone
        elif ok:
            future.set_result(value)
        else:
            future.set_exception(value)
        if self.max_tasks and not worker.tasks and not worker.may_take(self.max_tasks):
            self._replace(worker, None)  # its last page done: a new one, memory cannot creep
        else:
            self._dispatch()

    def _expired(self, worker: _Worker) -> None:
        self._replace(worker, ExtractionTimeout(f"no result after {self.timeout:g} s"))

    def _replace(self, worker: _Worker, error: Exception | None) -> None:
        """Retire a worker (killed if it failed) and start another in its place. The page it
        was on fails with ``error``; pages sent ahead to it go back to the front of the line."""
        if worker not in self.workers:
            return
        self.workers.remove(worker)
        worker.cancel_timer()
        worker.stop(self.loop, kill=error is not None)  # a retired one exits as its pipe closes
        if worker.tasks and error is not None:
            _, future = worker.tasks.popleft()
            if not future.done():
                future.set_exception(error)
        self.waiting.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        if not self.closed:
            self.workers.append(self._start())
            self._dispatch()

    def close(self) -> None:
        """Stop the workers. One that has had pages exits as its pipe closes; one that never
        had any may still be importing the extractor (a short crawl) and is not waited for:
        it gets SIGTERM first, while its pipe is open, so that it exits only one way. Any
        left after 10 s is killed."""
        self.closed = True
        for _, future in self.waiting:
            future.cancel()
        for worker in self.workers:
            worker.cancel_timer()
            if not worker.sent:
                worker.process.terminate()
            worker.stop(self.loop, kill=False)
        deadline = time.monotonic() + 10
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()


_Task = tuple[bytes, "asyncio.Future[Any]"]  # the pickled call, and its caller's future


class _Worker:
    def __init__(
        self, process: multiprocessing.process.BaseProcess, pages: Any, answers: Any, room: int
    ) -> None:
        self.process = process
        self.pages = pages  # our end of the pipe of pages to it
        self.answers = answers  # our end of the pipe of its answers
        self.room = room  # the capacity of the pipe of pages, in bytes
        self.tasks: deque[_Task] = deque()  # sent, not answered; the first is in hand
        self.sent = 0
        self.timer: asyncio.TimerHandle | None = None

    def may_take(self, max_tasks: int) -> bool:
        return not max_tasks or self.sent < max_tasks

    def fits(self, payload: bytes) -> bool:
        """Whether sending ``payload`` now cannot block the reactor: an idle worker reads it
        as it comes; one that is busy (perhaps hung) reads nothing, so the page, and what may
        be left of the one before, must fit in the pipe."""
        if not self.tasks:
            return True
        return len(self.tasks[0][0]) + len(payload) + 64 <= self.room

    def cancel_timer(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def exitcode(self) -> int | None:
        self.process.join(1)
        return self.process.exitcode

    def stop(self, loop: asyncio.AbstractEventLoop, kill: bool = True) -> None:
        """Stop reading it and close its pipe (it exits on that), killed first if ``kill``.
        multiprocessing reaps it when the next process starts, or ``close`` does."""
        with contextlib.suppress(OSError, ValueError):
            loop.remove_reader(self.answers.fileno())
        if kill and self.process.is_alive():
            self.process.kill()
        self.pages.close()
        self.answers.close()


def _widened(fd: int) -> int:
    """The capacity of a pipe, raised to 1 MiB where the system allows (Linux: pages of news
    sites are 50-500 KB; the default is 64 KiB)."""
    with contextlib.suppress(AttributeError, OSError):  # not Linux, or a lower pipe-max-size
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    try:
        return int(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))
    except (AttributeError, OSError):
        return 16 * 1024  # the least any POSIX system gives


def _serve(pages: Any, answers: Any, warm: str | None) -> None:
    """A worker's life: warm up, then page after page until its pipe closes. Ctrl-C is the
    crawl process's to handle (it lets the pages in hand finish), not the workers'."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    schedule_as_batch()
    start_worker(warm)
    while True:
        try:
            path, args = pickle.loads(pages.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            answer: tuple[bool, Any] = (True, call(path, *args))
        except Exception as exc:
            answer = (False, exc)
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an exception or result that does not pickle
            data = pickle.dumps((False, RuntimeError(f"unpicklable result: {exc!r}")))
        try:
            answers.send_bytes(data)
        except OSError:  # the crawl process has gone or let this worker go
            return
