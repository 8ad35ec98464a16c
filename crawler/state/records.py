"""What the state store remembers of an emitted article, built in one place for the JSON Lines
writer and for feed exports (``pipelines.jsonl``, ``pipelines.feedstate``)."""

from __future__ import annotations

from crawler.items import Article
from crawler.neardup import exact_key
from crawler.utils.urls import url_key

Record = tuple[str, list[str], str]  # record id, URL keys, text digest


def article_record(article: Article) -> Record:
    """The keys by which a later run knows this article again: its URLs' and its text's."""
    urls = {article.url, article.canonical_url, article.requested_url or article.url}
    return article.id, sorted({url_key(u) for u in urls}), article.digest or exact_key(article.text)
