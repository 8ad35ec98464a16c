"""Scrapy settings for the news crawler.

Ordered as Scrapy's project template. Every value that differs from Scrapy's default says the
default and why. Project settings (prefix ``NEWS_``) come last, each with the component that
reads it. Everything can be overridden per run with ``-s NAME=VALUE``.
"""

from scrapy.settings import default_settings as _scrapy_defaults

from crawler import __version__
from crawler.items import OUTPUT_FIELDS

BOT_NAME = "news-crawler"

SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

ADDONS: dict[str, int] = {}

# Scrapy default: "Scrapy/VERSION (+https://scrapy.org)". News sites want to know who is
# crawling and how to reach them: operators should put their own contact URL here.
USER_AGENT = f"news-crawler/{__version__} (+https://example.org/contact-the-operator)"

# Scrapy default: False. A news crawler that ignores robots.txt gets blocked, and deserves it.
ROBOTSTXT_OBEY = True

# Scrapy default: 8 per domain. A news site serves one crawler politely at 4 at a time; feeds
# from many sites still run in parallel up to CONCURRENT_REQUESTS (default 16).
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy default: 0. The minimum pause between two requests to one site, in seconds.
DOWNLOAD_DELAY = 0.25

# Scrapy default: enabled. Session cookies only help paywalls track the crawler.
COOKIES_ENABLED = False
# Scrapy default: enabled on a port from 6023. A cron job needs no open console port.
TELNETCONSOLE_ENABLED = False

# Scrapy default: 180 s. A news page that takes more than 30 s will not come.
DOWNLOAD_TIMEOUT = 30
# Scrapy default: 2 (3 attempts in all), on 5xx, 408, 429 and connection errors. Kept.
RETRY_TIMES = 2
# Scrapy default: 1 GiB / 32 MiB. No article page is 32 MiB; refuse before memory suffers.
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
# Scrapy default: 20. Real redirect chains of news sites are short; loops end sooner.
REDIRECT_MAX_TIMES = 10

# Scrapy default: 100 outputs of one response processed at once, each an asyncio task. Our
# callbacks yield one article, or many cheap requests: 8 spares a hundred tasks per page.
CONCURRENT_ITEMS = 8

# Scrapy default: LIFO (depth first). FIFO keeps the order in which a spider yields requests
# of one priority: a sitemap's newest-first order, a site's breadth-first link-following.
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"

DOWNLOADER_MIDDLEWARES: dict[str, int | None] = {
    # Scrapy's decodes every whole page to read its first 4,096 characters.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.downloadermiddlewares.metarefresh.MetaRefreshMiddleware": 580,
    # Challenges, walls and blocks named and counted before anything parses or retries them:
    # after HttpCompressionMiddleware (590) has unpacked the body, before retries (550).
    "crawler.downloadermiddlewares.refusals.RefusalMiddleware": 585,
    # One download slot per host and port; robots.txt Crawl-delay as its least delay (Scrapy
    # reads only the rules). Before RobotsTxtMiddleware (100), whose robots.txt request it sees.
    "crawler.downloadermiddlewares.politeness.SitePolitenessMiddleware": 50,
    # Scrapy's retries 429 and 503 at once, whatever their Retry-After says.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.downloadermiddlewares.retryafter.RetryAfterMiddleware": 550,
    # Redirects may not leave the hosts of the source a request was made for, nor loop; the
    # news spiders check hosts per source, so Scrapy's per-spider offsite filter is not used.
    # after RedirectMiddleware (600)
    "crawler.downloadermiddlewares.redirects.RedirectGuardMiddleware": 610,
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    # WARC output: next to the downloader, where the body is as received (before
    # HttpCompressionMiddleware, 590) and every redirect and error passes.
    "crawler.downloadermiddlewares.archive.WarcArchiveMiddleware": 950,
    # scrapy crawl warc: answers from the WARC files before anything would go online.
    "crawler.downloadermiddlewares.replay.WarcReplayMiddleware": 40,
}
# Used by crawler.downloadermiddlewares.archive: archive every page's request and response
# (also -a warc=on) in WARC files at NEWS_WARC_PATH ("-00000", "-00001"... added), each
# closed at about NEWS_WARC_MAX_BYTES; with NEWS_WARC_LISTINGS also feeds, sitemaps and
# robots.txt.
NEWS_WARC = False
NEWS_WARC_PATH = "output/{spider}/{start}.warc.gz"
NEWS_WARC_MAX_BYTES = 1_000_000_000
NEWS_WARC_LISTINGS = False
# Used by crawler.downloadermiddlewares.refusals: after this many refusals in a row (bot
# challenges, blocks, walls, HTTP 401/403/451), a host is not asked again this run; 0: never.
NEWS_REFUSALS_PER_HOST = 10
# Used by crawler.downloadermiddlewares.politeness: the longest robots.txt Crawl-delay honoured,
# in seconds (a larger one is cut to this, so that one host cannot stall a cron run).
NEWS_CRAWL_DELAY_MAX = 30.0
# Used by crawler.downloadermiddlewares.retryafter: the longest Retry-After (seconds) waited
# for before a retry; a page whose server asks for longer is given up for this run.
NEWS_RETRY_AFTER_MAX = 120.0
# A page answered with Retry-After is retried up to this many times (RETRY_TIMES is for the rest).
NEWS_RETRY_AFTER_TIMES = 5

# Distributed mode (crawler.distributed) when REDIS_URL is set; nothing changes without it.
ADDONS = {"crawler.distributed.addon.RedisAddon": 0}

EXTENSIONS = {
    # First: the lock and the state store, before anything else reads or writes.
    "crawler.extensions.state.StateExtension": 100,
    "crawler.extensions.report.RunReport": 500,
    "crawler.extensions.progress.Progress": 510,
    "crawler.distributed.idle.DistributedIdle": 520,
    # Scrapy's per-minute "Crawled N pages" line: replaced by crawler.extensions.progress.
    "scrapy.extensions.logstats.LogStats": None,
}
# Scrapy's remote control (default: on) is an HTTP server on localhost that runs Python code
# sent to it, with its token written under the home folder: no place in a cron job. It is left
# out of the base list, not set to None in EXTENSIONS: Scrapy imports every class named there,
# and this one's import of aiohttp slows every start.
EXTENSIONS_BASE = {
    path: order
    for path, order in _scrapy_defaults.EXTENSIONS_BASE.items()
    if path != "scrapy.extensions.remote_control.RemoteControl"
}

# Order matters: cheap drops before expensive work, the writer last.
ITEM_PIPELINES = {
    "pipelines.extract.ExtractionPipeline": 200,
    "pipelines.dedupe.DuplicatesPipeline": 300,
    "pipelines.repeats.RepeatedLinesPipeline": 350,
    "pipelines.limit.ArticleLimitPipeline": 800,
    "pipelines.jsonl.JsonLinesPipeline": 900,
    "pipelines.feedstate.FeedExportStatePipeline": 910,  # only with -o/-O
}

# Scrapy default: off. Adapts the delay to each site's response times, never below
# DOWNLOAD_DELAY; starts at 1 s instead of 5 s so that short one-off crawls are not slow.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Scrapy default: WARNING. Dropped items (pages without an article, duplicates) are routine
# for a news crawler; each is counted in stats, and logged at DEBUG with its reason.
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"

# Scrapy default: DEBUG (a line per request). INFO keeps cron logs readable; -L DEBUG for more.
LOG_LEVEL = "INFO"

# Scrapy default for new projects: "utf-8" (non-ASCII text written as is with -O/-o too).
FEED_EXPORT_ENCODING = "utf-8"
# Scrapy default: every field. -o/-O write the output schema's fields only, in its order.
FEED_EXPORT_FIELDS = OUTPUT_FIELDS

# Scrapy default: Scrapy's own commands. Ours replaces `crawl` to give documented exit statuses.
COMMANDS_MODULE = "crawler.commands"

# ---------------------------------------------------------------------------------------------
# Project settings. Defaults are documented in docs/settings.md.

# Used by pipelines.jsonl.JsonLinesPipeline: where per-run files go when -O/-o is not given.
# Placeholders: {spider} (spider name) and {start} (UTC start time, 2026-11-27T03-42-00Z).
NEWS_OUTPUT_PATH = "output/{spider}/{start}.jsonl"

# Used by crawler.extensions.report.RunReport: the JSON run report ("" switches it off).
NEWS_REPORT_PATH = "output/{spider}/{start}.report.json"

# Used by pipelines.extract.ExtractionPipeline: pages whose extracted text is shorter than
# this many characters are not articles (video pages, index pages, empty bodies).
NEWS_MIN_TEXT_CHARS = 200

# Used by crawler.extraction.extract: trafilatura's options, chosen by bench/extraction_options.py.
NEWS_EXTRACT_FAVOR = "balanced"  # "balanced", "precision" or "recall"
NEWS_EXTRACT_TABLES = True
# "markdown" or "html": also write the text with its structure (paragraphs, headings, lists)
# in the record's "content" field; "" (default): plain text only.
NEWS_CONTENT_FORMAT = ""

# Used by crawler.discovery.backlog: the entries of feeds and sitemaps become requests only while
# Scrapy's scheduler holds fewer than this many (a large sitemap then costs a small tuple per
# entry, not a request); 0: all at once. Not used in a distributed crawl.
NEWS_SCHEDULE_AHEAD = 1000

# Used by spiders.sitemap: how many sitemaps (indexes included) one run follows at most.
NEWS_SITEMAP_MAX_SITEMAPS = 500

# Used by spiders.site: how far from the home page (clicks) and how many pages link-following
# goes at most (-a max_depth / -a max_pages override them per run).
NEWS_SITE_MAX_DEPTH = 8
NEWS_SITE_MAX_PAGES = 5000

# Used by crawler.extensions.progress: "auto" (a live display on a terminal, log lines
# elsewhere), "display", "log" or "off" (summary only); seconds between progress log lines.
NEWS_PROGRESS = "auto"
NEWS_PROGRESS_INTERVAL = 60.0

# Used by spiders.sources: the sources file read when -a file=... is not given.
NEWS_SOURCES_FILE = "sources.toml"

# Used by crawler.extensions.state: the SQLite state store of scheduled runs ("" = no state:
# every run stands alone), how long entries are kept, and a switch that empties it first.
NEWS_STATE_PATH = "output/state.sqlite3"
NEWS_STATE_EXPIRE_DAYS = 90.0
NEWS_STATE_RESET = False

# Used by pipelines.jsonl.JsonLinesPipeline: at most this many seconds between syncs of the
# output file to disk (after each sync its articles count as emitted in the state store).
NEWS_OUTPUT_SYNC_SECONDS = 1.0

# Used by pipelines.repeats.RepeatedLinesPipeline: a line that at least NEWS_REPEATED_LINES_MIN
# of a site's last NEWS_REPEATED_LINES_WINDOW articles carried is the site's template (a
# disclaimer, an author's box), taken out of the next article's text (0 switches it off).
NEWS_REPEATED_LINES_WINDOW = 20
NEWS_REPEATED_LINES_MIN = 4

# Used by pipelines.dedupe.DuplicatesPipeline: "drop" duplicates, or "mark" them (written with
# duplicate_of); near duplicates at or above this similarity (0 switches them off), texts under
# this many words compared exactly only.
NEWS_DUPLICATES = "drop"
NEWS_NEAR_DUPLICATE_THRESHOLD = 0.5
NEWS_NEAR_DUPLICATE_MIN_WORDS = 40
# At most this many earlier articles (those sharing the most LSH bands) are compared with each
# new one, and an LSH band bucket indexes at most this many articles: a new article's cost is
# bounded however large the store grows (see crawler/neardup.py).
NEWS_NEAR_DUPLICATE_CANDIDATES = 8
NEWS_NEAR_DUPLICATE_BUCKET_SIZE = 32

# Used by pipelines.extract.ExtractionPipeline: worker processes for extraction (-1: one per
# CPU core; 0: in the crawl process), seconds before a page's extraction is abandoned and its
# worker replaced, and the extraction function (a custom extractor takes the same arguments).
NEWS_EXTRACT_WORKERS = -1
NEWS_EXTRACT_TIMEOUT = 60.0
# Adaptive polling (crawler.discovery.polling): with a state store, a run fetches only the
# feeds and sitemaps that are due, each about as often as it publishes, within these bounds
# (seconds); "all" (or -a poll=all) fetches every one. A source can pin its own (poll = "2h").
NEWS_POLL = "adaptive"
NEWS_POLL_MIN_SECONDS = 600.0
NEWS_POLL_MAX_SECONDS = 86400.0
# Now, for polling, as an ISO time ("2026-12-01T06:00:00Z"): for tests and replays; empty: the
# real time.
NEWS_CLOCK = ""

NEWS_EXTRACT_FUNCTION = "crawler.extraction.extract.extract_page"
# A worker is replaced after this many pages (0: never), so that its memory cannot creep
# (measured flat over 3,000 pages; a new worker spends about a second importing).
NEWS_EXTRACT_MAX_TASKS = 10000
# Modules imported once in the server the workers are forked from, shared copy-on-write by
# the workers (["crawler.extraction.preload"]: the extractor and its tables). Default none:
# that server would be one more process holding the whole extractor (see
# crawler/extraction/preload.py).
NEWS_EXTRACT_PRELOAD: list[str] = []

# Distributed mode (crawler.distributed): set REDIS_URL (scrapy-redis's setting), e.g.
# "redis://:password@10.0.0.5:6379/0", on every worker; None: one process, SQLite state.
REDIS_URL = None
# Keys in Redis start with this (queue, dupefilter, leases, state, rounds).
NEWS_REDIS_PREFIX = "news:"
# A worker beats in Redis five times in this many seconds; silent this long, it is taken for
# dead and the requests it held go back to the queue (a live worker keeps them however long
# a page takes).
NEWS_REDIS_HEARTBEAT_SECONDS = 10.0
# The last resort: a request taken from the queue comes back to it if not done with after
# this many seconds, even from a worker that still beats (longer than DOWNLOAD_TIMEOUT with
# its retries, plus NEWS_EXTRACT_TIMEOUT); after this many takes it goes to the dead letters.
NEWS_REDIS_LEASE_SECONDS = 600.0
NEWS_REDIS_MAX_TRIES = 3
# Redis unreachable (restart, failover, network): a worker waits, retrying with backoff; after
# this many seconds without it, it exits with status 9 (REDIS_UNAVAILABLE).
NEWS_REDIS_OUTAGE_SECONDS = 300.0
# One politeness budget per site for all workers (crawler.distributed.downloader): the delay
# and concurrency one process would keep hold for the fleet. False: each worker keeps its own.
NEWS_REDIS_POLITENESS = True
# A worker stops once nothing has been queued or leased anywhere for this long.
NEWS_REDIS_IDLE_SECONDS = 10.0
# A worker's name ("host-1"): restarted under the same name, a worker takes back at once the
# requests its killed run held. Empty: host and process id (its requests come back when its
# heartbeat lapses).
NEWS_REDIS_WORKER = ""
