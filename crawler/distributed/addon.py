"""The switch to distributed mode: ``REDIS_URL`` set."""

from __future__ import annotations

from scrapy.settings import BaseSettings


class RedisAddon:
    """Switches a crawl to distributed mode when ``REDIS_URL`` is set; otherwise changes
    nothing (embedded SQLite state, one process)."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            return
        prefix = settings.get("NEWS_REDIS_PREFIX")
        settings.set("SCHEDULER", "crawler.distributed.scheduler.LeasedScheduler", "addon")
        queue = "crawler.distributed.queue.LeasedPriorityQueue"
        settings.set("SCHEDULER_QUEUE_CLASS", queue, "addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", "addon")
        settings.set("SCHEDULER_PERSIST", True, "addon")
        if settings.getbool("NEWS_REDIS_POLITENESS"):
            downloader = "crawler.distributed.downloader.FleetDownloader"
            settings.set("DOWNLOADER", downloader, "addon")
        settings.set("SCHEDULER_QUEUE_KEY", f"{prefix}%(spider)s:requests", "addon")
        settings.set("SCHEDULER_DUPEFILTER_KEY", f"{prefix}%(spider)s:dupefilter", "addon")
        from crawler.distributed.outage import client_options  # loads redis: only when used

        # scrapy-redis's client: waits through an outage of Redis
        params = {**settings.getdict("REDIS_PARAMS"), **client_options(settings)}
        settings.set("REDIS_PARAMS", params, "addon")
        middlewares = settings.getdict("SPIDER_MIDDLEWARES")
        middlewares["crawler.distributed.middleware.LeaseMiddleware"] = 950
        settings.set("SPIDER_MIDDLEWARES", middlewares, "addon")
