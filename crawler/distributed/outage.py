"""Redis going away: a worker waits for it, then carries on, or exits after too long.

Every Redis client of a worker (the scheduler's, the state store's, the round's) retries
through one ``OutageRetry``: a command that cannot reach Redis (refused, reset, timed out, or
Redis still loading its data after a restart) is tried again with backoff, up to 5 seconds
apart, while the reactor waits; nothing is lost or done twice meanwhile, since nothing else
runs. After ``NEWS_REDIS_OUTAGE_SECONDS`` without Redis the worker exits at once with status
``REDIS_UNAVAILABLE`` (9): its ``.part`` file is recovered by the next run, its leases go back
to the queue when its heartbeat lapses. A clean shutdown needs Redis too, so none is tried.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import Any, TypeVar

from redis.backoff import ExponentialWithJitterBackoff
from redis.retry import Retry
from scrapy.settings import BaseSettings

from crawler import exitcodes

logger = logging.getLogger(__name__)

T = TypeVar("T")


class OutageRetry(Retry):
    """Retries a Redis command for up to ``seconds``; records when Redis last failed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(ExponentialWithJitterBackoff(cap=5.0, base=0.05), -1)
        self.seconds = seconds
        self.last_failure: float | None = None  # time.monotonic() of the last failed try

    # One per process, even in settings (REDIS_PARAMS), which Scrapy copies deeply.
    def __copy__(self) -> OutageRetry:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> OutageRetry:
        return self

    def call_with_retry(
        self,
        do: Callable[[], T],
        fail: Callable[..., Any],
        is_retryable: Callable[[Exception], bool] | None = None,
        with_failure_count: bool = False,
    ) -> T:
        started: float | None = None
        failures = 0
        while True:
            try:
                result = do()
            except self._supported_errors as error:
                if is_retryable is not None and not is_retryable(error):
                    raise
                failures += 1
                fail(error, failures) if with_failure_count else fail(error)
                now = self.last_failure = time.monotonic()
                if started is None:
                    started = now
                    logger.warning(
                        "Redis is unreachable (%s); waiting for it, at most %.0f s",
                        error, self.seconds,
                    )  # fmt: skip
                if now - started >= self.seconds:
                    self.give_up(error)
                time.sleep(self._backoff.compute(failures))
            else:
                if started is not None:
                    logger.warning("Redis is back after %.1f s", time.monotonic() - started)
                return result

    def give_up(self, error: Exception) -> None:
        logger.critical(
            "Redis has been unreachable for %.0f s (%s): exiting with status %d; the next run "
            "recovers this worker's output file",
            self.seconds, error, exitcodes.REDIS_UNAVAILABLE,
        )  # fmt: skip
        for handler in logging.getLogger().handlers:
            handler.flush()
        os._exit(exitcodes.REDIS_UNAVAILABLE)


_retries: dict[float, OutageRetry] = {}


def outage_retry(settings: BaseSettings) -> OutageRetry:
    """The process's one retry policy (one clock of Redis failures for all its clients)."""
    seconds = settings.getfloat("NEWS_REDIS_OUTAGE_SECONDS")
    return _retries.setdefault(seconds, OutageRetry(seconds))


def client_options(settings: BaseSettings) -> dict[str, Any]:
    """Options of every Redis client of a worker."""
    return {"retry": outage_retry(settings), "socket_timeout": 30, "socket_connect_timeout": 5}
