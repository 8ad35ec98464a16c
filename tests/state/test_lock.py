"""One run at a time per state store: a second holder is refused with the first's PID, and a
released (or dead) holder's lock is free again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crawler.exceptions import AlreadyRunningError
from crawler.state.lock import RunLock


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    first, second = RunLock(tmp_path / "s.lock"), RunLock(tmp_path / "s.lock")
    first.acquire()
    with pytest.raises(AlreadyRunningError, match=f"pid {os.getpid()}"):
        second.acquire()
    first.release()
    second.acquire()
    assert (tmp_path / "s.lock").read_text().strip() == str(os.getpid())
    second.release()
