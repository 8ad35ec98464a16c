"""Exit statuses of ``scrapy crawl`` in this project (``crawler.commands.crawl``).

Cron and monitoring read them: 0 is success, even when nothing was new.
"""

from __future__ import annotations

OK = 0
FAILED = 1  # an unexpected error; see the log
BAD_ARGUMENTS = (
    2  # a spider argument, setting or the sources file is invalid (Scrapy's UsageError too)
)
ALREADY_RUNNING = 3  # another run holds the lock of this state store; nothing was touched
STATE_UNUSABLE = 4  # the state store cannot be opened or written
OUTPUT_UNWRITABLE = 5  # the output file cannot be created or written (e.g. disk full)
ALL_SOURCES_FAILED = 6  # no feed, sitemap or home page could be read
INTERRUPTED = 7  # stopped by Ctrl-C or SIGTERM; everything written so far is kept

STATS_KEY = "news/exit_status"  # components set it when they know the run failed
