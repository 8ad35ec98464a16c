"""Whole runs of ``scrapy crawl`` that cross every package: cron runs, hostile sites, the golden pages."""
