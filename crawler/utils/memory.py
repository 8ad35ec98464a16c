"""Process-wide memory habits for the crawl process and the extraction workers."""

from __future__ import annotations

import contextlib
import ctypes
import gc

M_ARENA_MAX, M_MMAP_THRESHOLD = -8, -3  # glibc's mallopt parameters
GC_THRESHOLDS = (10_000, 20, 10)  # Python's: (700, 10, 10)


def tune_malloc() -> None:
    """Blocks of 128 KiB and more (a page's body, its decoded text, lxml's buffers) come from
    mmap and go back to the system when freed; glibc's moving threshold would otherwise keep
    them in the heap, at the largest page's high-water mark. And two malloc arenas at most:
    the crawl process's threads (DNS, SQLite) would each get their own."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to tune
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        libc.mallopt(M_ARENA_MAX, 2)


def freeze_heap() -> None:
    """Once a process has built what it keeps for life (modules, Scrapy's components, the
    extractor's tables): that moves out of the cyclic garbage collector's sight, and the
    youngest generation is collected after 10,000 new containers instead of 700, so that
    collections stop walking the same long-lived objects again and again."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
