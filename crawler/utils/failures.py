"""A short reason for a failed or refused fetch, for stats keys and log lines.

The run report then says not only that five article pages failed but that two timed out, one
was too big and two were redirected in circles: ``articles/failed/timeout``,
``articles/skipped/too_big``, ``articles/skipped/redirects``.
"""

from __future__ import annotations

import re

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.refusals.detect import Refused

# (reason, words in the exception's message), for the exceptions Scrapy raises with a message.
_BY_MESSAGE = (
    ("too_big", ("max size", "maxsize")),
    ("offsite", ("offsite", "not allowed domain")),
    ("redirects", ("max redirections", "redirect")),
    ("robots", ("robots.txt",)),
    ("scheme", ("unsupported url scheme", ": scheme")),
)
_URL = re.compile(r"<?\w+ https?://\S+|https?://\S+")
# Words in the exception's class name.
_BY_TYPE = (
    ("timeout", ("timeout", "timedout")),
    ("dns", ("dnslookup", "resolvehost")),
    ("scheme", ("urlscheme",)),
    ("refused", ("refused",)),
    (
        "connection",
        ("connection", "responsefailed", "responsenever", "connect", "dataloss", "downloadfailed"),
    ),  # resets, connections lost mid-response
    # Scrapy cancels a body that grows past DOWNLOAD_MAXSIZE (and logs its size); nothing
    # else cancels a download while the crawl runs.
    ("too_big", ("cancel",)),
)


def failure_reason(failure: Failure) -> str:
    """``http_404``, ``timeout``, ``too_big``, ``redirects``, ``robots``... or the exception's
    class name in snake case. Messages are read only for the refusals (``IgnoreRequest``) and
    cancellations Scrapy explains in words, with URLs taken out of them."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(Refused):
        return "blocked"
    name = type(failure.value).__name__
    if failure.check(IgnoreRequest) or "cancel" in name.lower():
        message = _URL.sub(" ", str(failure.value).lower())
        for reason, words in _BY_MESSAGE:
            if any(word in message for word in words):
                return reason
    for reason, words in _BY_TYPE:
        if any(word in name.lower() for word in words):
            return reason
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("Error")).lower() or "error"
