"""The crawler's own errors. Each says where it is raised."""

from __future__ import annotations

from crawler import exitcodes


class NewsCrawlerError(Exception):
    """Base class of the crawler's errors; ``exit_status`` is what ``scrapy crawl`` returns."""

    exit_status: int = exitcodes.FAILED


class SpiderArgumentError(NewsCrawlerError, ValueError):
    """A spider argument (``-a NAME=VALUE``) is missing or invalid; raised in ``from_crawler``."""

    exit_status = exitcodes.BAD_ARGUMENTS

    def __init__(self, argument: str, value: object, reason: str) -> None:
        super().__init__(f"spider argument {argument}={value!r}: {reason}")
        self.argument = argument
        self.value = value
        self.reason = reason


class AlreadyRunningError(NewsCrawlerError):
    """Another run holds the state store's lock; raised by ``crawler.extensions.state``."""

    exit_status = exitcodes.ALREADY_RUNNING


class StateStoreError(NewsCrawlerError):
    """The state store cannot be opened or used; raised by ``crawler.state``."""

    exit_status = exitcodes.STATE_UNUSABLE


class OutputError(NewsCrawlerError):
    """The output file cannot be created or written; raised by ``pipelines.jsonl``."""

    exit_status = exitcodes.OUTPUT_UNWRITABLE


class NotText(NewsCrawlerError):
    """A page served as HTML is binary data (an image, an archive, noise); raised by
    ``crawler.extraction.extract`` and counted as ``extraction/not_text``, not as a failure."""
