"""An extraction function for tests of the worker pool: pathological pages, marked in their
bodies, hang or kill the worker; every other page is extracted as usual."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

from crawler.extraction.extract import extract_page


def hang_or_crash(body: bytes, *args: Any) -> Any:
    if b"HANG-THE-EXTRACTOR" in body:
        time.sleep(600)
    if b"KILL-THE-EXTRACTOR" in body:
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_page(body, *args)
