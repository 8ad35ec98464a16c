"""Downloader middlewares of the news crawler (``DOWNLOADER_MIDDLEWARES``)."""
