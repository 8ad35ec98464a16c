"""Real pages through a feed in six encoding scenarios: does the text survive the charset?

    python -m bench.encodings [--pages DIR] [--limit N]

Each page of ``../shared/pages`` (the sample stories when that folder is missing) is decoded
once, its own charset declarations removed, and served through one RSS feed six ways: as UTF-8
or in the legacy charset of its script (cp1252, cp1251, iso-8859-7, cp1256, Shift_JIS,
GB18030, EUC-KR: the first holding half of its non-ASCII characters, the rest as character
references), each with the right ``charset`` in the Content-Type header, none, or a wrong
one (iso-8859-1 for UTF-8 bytes, utf-8 for legacy bytes). ``scrapy crawl feeds`` crawls each.

Printed per scenario: articles written, and the mean token F1 of the crawler's text against
(1) its own text in the first scenario (UTF-8, right header): 1.0 means the charset made no
difference; (2) plain ``trafilatura.extract`` on the correctly decoded page (agreement, as in
bench.realsite); beside them the same agreement for plain trafilatura given the raw bytes of
the scenario (it sees no header), to compare how each copes.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import trafilatura

from bench.realsite import DEFAULT_PAGES, crawl, load_pages
from bench.textscore import token_f1
from crawler.demo.site import HOST_PLACEHOLDER, Resource, Site
from crawler.extraction.encoding import decode_html

_DECLARATION = re.compile(
    r"<meta[^>]+charset[^>]*>|(?<=<\?xml)[^>]*encoding=[\"'][^\"']+[\"']", re.IGNORECASE
)
LEGACY = ["cp1252", "cp1251", "iso-8859-7", "cp1256", "shift_jis", "gb18030", "euc-kr"]
SCENARIOS = [
    ("utf-8", "right"), ("utf-8", "none"), ("utf-8", "wrong"),
    ("legacy", "right"), ("legacy", "none"), ("legacy", "wrong"),
]  # fmt: skip


def legacy_bytes(text: str) -> tuple[bytes, str]:
    """The page in the legacy charset of its script: the first that holds half of its
    non-ASCII characters, the rest as character references, as old sites do."""
    foreign = [char for char in text if ord(char) > 127]
    for charset in LEGACY:
        held = sum(1 for char in foreign if _fits(char, charset))
        if held >= 0.5 * len(foreign):
            return text.encode(charset, errors="xmlcharrefreplace"), charset
    return text.encode("cp1252", errors="xmlcharrefreplace"), "cp1252"


def _fits(char: str, charset: str) -> bool:
    try:
        char.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def scenario_site(pages: dict[str, str], form: str, header: str) -> tuple[Site, dict[str, bytes]]:
    resources, served = {}, {}
    for name, text in pages.items():
        body, charset = (text.encode(), "utf-8") if form == "utf-8" else legacy_bytes(text)
        label = {"right": charset, "none": None, "wrong": "iso-8859-1"}[header]
        if form == "legacy" and header == "wrong":
            label = "utf-8"
        content_type = f"text/html; charset={label}" if label else "text/html"
        resources[f"/articles/{name}.html"] = Resource(body, content_type)
        served[name] = body
    items = "".join(
        f"<item><title>{n}</title><link>{HOST_PLACEHOLDER}/articles/{n}.html</link></item>"
        for n in pages
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
    )
    resources["/feed.xml"] = Resource(feed.encode(), "application/rss+xml")
    resources["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=resources, stories=[]), served


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    raw = load_pages(args.pages, args.limit)
    pages = {name: _DECLARATION.sub("", decode_html(body)[0]) for name, body in raw.items()}
    plain = {name: trafilatura.extract(text) or "" for name, text in pages.items()}
    print(f"{len(pages)} pages; plain trafilatura is given each scenario's raw bytes")
    reference: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for form, header in SCENARIOS:
            site, served = scenario_site(pages, form, header)
            folder = Path(tmp) / f"{form}-{header}"
            folder.mkdir()
            items, _ = crawl(site, "feeds", f"feeds={HOST_PLACEHOLDER}/feed.xml", folder)
            texts = {
                unquote(urlsplit(i["url"]).path).removeprefix("/articles/").removesuffix(".html"):
                i["text"]
                for i in items
            }  # fmt: skip
            reference = reference or texts
            same = [token_f1(texts.get(n, ""), reference[n])[2] for n in reference]
            ours = [token_f1(texts.get(n, ""), plain[n])[2] for n in pages if plain[n]]
            theirs = [
                token_f1(trafilatura.extract(served[n]) or "", plain[n])[2]
                for n in pages
                if plain[n]
            ]
            print(
                f"{form:6} bytes, {header:5} header charset: {len(texts):4} written  "
                f"F1 vs first scenario {statistics.mean(same):.4f} (min {min(same):.3f})  "
                f"vs plain trafilatura on the right text {statistics.mean(ours):.4f}  "
                f"| plain trafilatura on these bytes {statistics.mean(theirs):.4f} "
                f"(min {min(theirs):.3f})"
            )


if __name__ == "__main__":
    main()
