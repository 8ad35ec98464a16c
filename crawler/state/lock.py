"""One run at a time per state store: an advisory ``flock`` on ``<state>.lock``.

The kernel drops the lock when the process ends, however it ends (``kill -9`` included), so a
lock left by a killed run never blocks the next one. The file holds the holder's PID, for
people.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from crawler.exceptions import AlreadyRunningError, StateStoreError


class RunLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.file: IO[str] | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise StateStoreError(f"cannot create the lock file {self.path}: {exc}") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise AlreadyRunningError(
                f"another run (pid {holder}) is using the state store; lock {self.path}"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self.file = handle

    def release(self) -> None:
        if self.file is not None:
            fcntl.flock(self.file, fcntl.LOCK_UN)
            self.file.close()
            self.file = None
