"""Imported once, by the forkserver that starts the extraction workers (``NEWS_EXTRACT_PRELOAD``).

Every worker is forked from that server, so what is loaded here (trafilatura, lxml, numpy and
the tables trafilatura builds lazily) sits in memory once, shared copy-on-write, instead of once
per worker; a worker replaced after ``NEWS_EXTRACT_MAX_TASKS`` pages starts in milliseconds.
``gc.freeze`` keeps each worker's collector from touching, and so copying, those pages.
"""

import contextlib
import ctypes
import gc

from crawler.extraction import warm_up

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to tune
    # Blocks of 128 KiB and more (a page's body, its decoded text) come from mmap and go back
    # to the system when freed; glibc's moving threshold would otherwise keep them in the heap.
    ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, 128 * 1024)

warm_up()
gc.freeze()
