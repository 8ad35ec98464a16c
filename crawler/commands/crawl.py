"""``scrapy crawl`` with exit statuses that cron and monitoring can trust (``crawler.exitcodes``).

Scrapy's own command returns 1 for any failure to start and 0 otherwise. This one returns the
status of the error that stopped the run (a ``NewsCrawlerError`` says its own), or what the
run's stats say: an output failure, every source failing, an interruption.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from crawler import exitcodes
from crawler.exceptions import NewsCrawlerError
from crawler.utils.memory import tune_malloc

logger = logging.getLogger(__name__)


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process is not None
        tune_malloc()
        crawler = self._create_crawler(args[0])
        errors: list[BaseException] = []
        outcome: Any = self.crawler_process.crawl(crawler, **opts.spargs)
        if hasattr(outcome, "addErrback"):
            outcome.addErrback(lambda failure: errors.append(failure.value))
        else:  # an asyncio task
            outcome.add_done_callback(
                lambda task: task.exception() and errors.append(task.exception())
            )
        self.crawler_process.start()
        self.exitcode = exit_status(crawler, errors, self.crawler_process.bootstrap_failed)
        if self.exitcode:
            print(f"news-crawler: exit status {self.exitcode}", file=sys.stderr)


def exit_status(crawler: Crawler, errors: list[BaseException], bootstrap_failed: bool) -> int:
    for error in errors:
        if isinstance(error, NewsCrawlerError):
            print(f"news-crawler: {error}", file=sys.stderr)
            return error.exit_status
        if isinstance(error, (UsageError, ValueError)) and crawler.spider is None:
            return exitcodes.BAD_ARGUMENTS
    if errors or bootstrap_failed or crawler.stats is None:
        return exitcodes.FAILED
    stats = crawler.stats.get_stats()
    return exitcodes.from_stats(stats, stats.get("finish_reason"))
