"""news-crawler: a Scrapy project that turns news feeds, sitemaps and sites into JSON Lines."""

__version__ = "0.1.0"
