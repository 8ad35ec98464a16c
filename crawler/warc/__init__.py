"""WARC archives: what was fetched, kept for extraction again without fetching again.

- ``writer``: the run's WARC files (``NEWS_WARC``), written by
  ``crawler.downloadermiddlewares.archive`` from each page's exchange as received;
- ``reader``: any WARC file, record by record, through broken and truncated records;
- ``crawler.downloadermiddlewares.replay`` and ``spiders.warc``: pages read back from WARC
  files through the same extraction, duplicates and output as a live crawl.

Every JSON record made from an archived page says where its response record is (``warc``:
file, offset and length of its gzip member), as Common Crawl's indexes do.
"""

# request.meta keys: a request whose exchange is to be archived (page requests); where its
# response record was written, or read from (the article's ``warc`` field); a record to
# replay instead of fetching (``spiders.warc``), and that record as parsed when it was found
# (a ``reader.Entry``, so that it is not inflated nor parsed twice; the spider reads only a
# few requests ahead).
ARCHIVE = "news_archive"
WARC_RECORD = "news_warc"
REPLAY = "news_warc_replay"
REPLAY_DATA = "news_warc_replay_data"
