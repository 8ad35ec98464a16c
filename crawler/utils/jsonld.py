"""schema.org JSON-LD as pages embed it: the nodes of a page's scripts, and which are articles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

# NewsArticle, ReportageNewsArticle, ScholarlyArticle, BlogPosting, LiveBlogPosting, Report...
_ARTICLE_TYPE_ENDINGS = ("article", "blogposting", "report")


def nodes(scripts: Iterable[str]) -> Iterator[dict]:
    """The schema.org nodes of a page's JSON-LD scripts (lists, ``@graph`` and a WebPage's
    ``mainEntity`` unfolded); scripts that are not JSON are skipped."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        yield from _unfold(data)


def is_article(node: dict) -> bool:
    """Whether a node's ``@type`` (one or a list) is an Article or BlogPosting or Report kind."""
    types = node.get("@type")
    return any(
        isinstance(kind, str) and kind.casefold().endswith(_ARTICLE_TYPE_ENDINGS)
        for kind in (types if isinstance(types, list) else [types])
    )


def _unfold(data: object) -> list[dict]:
    if isinstance(data, list):
        return [node for item in data for node in _unfold(item)]
    if isinstance(data, dict):
        main = data.get("mainEntity")  # a WebPage whose main entity is the article
        return [
            data,
            *_unfold(data.get("@graph", [])),
            *(_unfold(main) if isinstance(main, dict) else []),
        ]
    return []
