"""Scrapy extensions of the news crawler."""
