"""The crawler's own errors. Each says where it is raised."""

from __future__ import annotations


class NewsCrawlerError(Exception):
    """Base class of the crawler's errors."""


class SpiderArgumentError(NewsCrawlerError, ValueError):
    """A spider argument (``-a NAME=VALUE``) is missing or invalid; raised in ``from_crawler``."""

    def __init__(self, argument: str, value: object, reason: str) -> None:
        super().__init__(f"spider argument {argument}={value!r}: {reason}")
        self.argument = argument
        self.value = value
        self.reason = reason
