"""A real redis-server for the tests of distributed crawls."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if shutil.which("redis-server") is None and not os.environ.get("CI"):
        skip = pytest.mark.skip(
            reason="redis-server is not installed (.ci/run installs it; in CI these must run)"
        )
        for item in items:
            if "tests/distributed/" in str(item.path):
                item.add_marker(skip)


class RedisServer:
    """A private redis-server on a free port of 127.0.0.1 that a test can restart."""

    def __init__(self, folder: Path, appendonly: bool = False) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder = folder
        self.appendonly = appendonly
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes" if self.appendonly else "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except (redis.ConnectionError, redis.BusyLoadingError):
                time.sleep(0.05)

    def stop(self) -> None:
        """Shut down as an operator's restart does (SIGTERM: the append-only file is synced)."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait()


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A private redis-server, no persistence."""
    server = RedisServer(tmp_path)
    server.start()
    yield server.url
    server.stop()


@pytest.fixture
def durable_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A private redis-server with the append-only file, as production runs it."""
    server = RedisServer(tmp_path, appendonly=True)
    server.start()
    yield server
    server.stop()
