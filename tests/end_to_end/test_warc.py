"""WARC archives end to end: a crawl with ``-a warc=on`` keeps every page's exchange as
received; ``scrapy crawl warc`` reads its files, wget's, one gzipped as a whole and broken ones back through the
same extraction and output, without fetching; a killed crawl leaves a readable WARC."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import FAST, PROJECT, CrawlResult, Served, crawl_env, run_crawl

FEEDS = ("/feed.xml", "/atom.xml", "/feed.json")


def feed_urls(site: Served) -> str:
    return ",".join(f"{site.url}{path}" for path in FEEDS)


@pytest.fixture(scope="module")
def archived(news_site: Served, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """The sample site's feeds crawled once, with WARC output."""
    folder = tmp_path_factory.mktemp("archived")
    return run_crawl("feeds", {"feeds": feed_urls(news_site), "warc": "on"}, folder)


def warc_files(result: CrawlResult) -> list[Path]:
    return sorted(result.output_dir.glob("feeds/*.warc.gz"))


def texts(items: list[dict]) -> dict[str, str]:
    return {item["url"]: item["text"] for item in items}


def test_every_record_points_at_its_response_in_a_readable_warc(archived: CrawlResult) -> None:
    assert archived.returncode == 0, archived.log[-3000:]
    assert archived.items and all(item["warc"] for item in archived.items)
    (path,) = warc_files(archived)
    assert not list(archived.output_dir.glob("feeds/*.part"))
    for item in archived.items:
        pointer = item["warc"]
        assert Path(pointer["file"]).resolve() == path.resolve()
        with path.open("rb") as handle:
            handle.seek(pointer["offset"])
            member = handle.read(pointer["length"])
        record = next(iter(ArchiveIterator(io.BytesIO(member))))
        assert record.rec_type == "response"
        assert record.rec_headers.get_header("WARC-Target-URI") == item["url"]
        assert record.rec_headers.get_header("WARC-Payload-Digest").startswith("sha1:")
        assert record.http_headers.get_statuscode() == "200"
    with path.open("rb") as handle:
        kinds = [record.rec_type for record in ArchiveIterator(handle)]
    assert kinds[0] == "warcinfo" and kinds.count("request") == kinds.count("response")
    assert archived.stats["warc/records"] == kinds.count("response")


def test_reading_the_crawls_warc_back_gives_the_same_records(
    archived: CrawlResult, tmp_path: Path
) -> None:
    files = ",".join(str(path) for path in warc_files(archived))
    again = run_crawl("warc", {"files": files}, tmp_path)
    assert again.returncode == 0, again.log[-3000:]
    assert {i["id"]: i["text"] for i in again.items} == {i["id"]: i["text"] for i in archived.items}
    assert {i["source"]["type"] for i in again.items} == {"warc"}
    assert again.stats["warc/responses"] == archived.stats["warc/records"]
    assert "downloader/request_count" not in again.stats  # nothing was fetched


def test_a_warc_written_by_wget_gives_the_same_texts(archived: CrawlResult, tmp_path: Path) -> None:
    wget = shutil.which("wget")
    if wget is None:
        if os.environ.get("CI"):
            pytest.fail("wget is missing: .ci/run installs it")
        pytest.skip("wget is not installed (apt-get install wget)")
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(texts(archived.items)) + "\n", encoding="utf-8")
    subprocess.run(
        [wget, "--quiet", "--warc-file", str(tmp_path / "wget"), "--input-file", str(urls),
         "--output-document", os.devnull, "--no-proxy"],
        check=True, timeout=120,
    )  # fmt: skip
    again = run_crawl("warc", {"files": str(tmp_path / "wget.warc.gz")}, tmp_path)
    assert again.returncode == 0, again.log[-3000:]
    assert texts(again.items) == texts(archived.items)


def test_a_warc_gzipped_as_a_whole_gives_the_same_texts(
    archived: CrawlResult, tmp_path: Path
) -> None:
    """Not a gzip member per record but ``gzip crawl.warc``: read as a stream, every record."""
    plain = b"".join(part for path in warc_files(archived) for part in _members(path.read_bytes()))
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain))
    again = run_crawl("warc", {"files": str(whole)}, tmp_path)
    assert again.returncode == 0, again.log[-3000:]
    assert texts(again.items) == texts(archived.items)


def _members(data: bytes) -> Iterator[bytes]:
    while data:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        yield inflater.decompress(data)
        data = inflater.unused_data


def _record(writer: WARCWriter, url: str, body: bytes, **options: object) -> None:
    status = str(options.get("status", "200 OK"))
    content_type = str(options.get("content_type", "text/html; charset=utf-8"))
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, str(options.get("kind", "response")), payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def hostile_warc(site: Served, gzipped: bool) -> tuple[bytes, list[str]]:
    """Good pages among a truncated record, a broken record (gzip member or headers), an
    image, a request, a revisit and a 404; and the URLs of the good pages."""
    paths = site.site.feed_paths[:6]
    bodies = {p: urllib.request.urlopen(site.url + p, timeout=10).read() for p in paths}

    def member(path: str, **options: object) -> bytes:
        buffer = io.BytesIO()
        _record(WARCWriter(buffer, gzip=gzipped), site.url + path, bodies[path], **options)
        return buffer.getvalue()

    good = [paths[0], paths[3], paths[5]]
    plain = io.BytesIO()
    _record(WARCWriter(plain, gzip=False), site.url + paths[1], bodies[paths[1]])
    cut = plain.getvalue()[:-300]  # its block is 300 bytes shorter than its Content-Length
    truncated = gzip.compress(cut) if gzipped else cut
    broken = bytearray(member(paths[2]))
    middle = len(broken) // 2
    if gzipped:
        broken[middle : middle + 64] = bytes(64)  # the deflate stream is damaged
    else:
        at = broken.index(b"Content-Length")  # headers without a Content-Length
        broken[at : at + 14] = b"Content-Lenxth"
    image = io.BytesIO()
    _record(WARCWriter(image, gzip=gzipped), site.url + "/logo.png", b"\x89PNG" * 500,
            content_type="image/png")  # fmt: skip
    data = b"".join([
        member(paths[0]),
        image.getvalue(),
        truncated,
        member(paths[3], kind="request"),
        bytes(broken),
        member(paths[4], kind="revisit"),
        member(paths[4], status="404 Not Found"),
        member(paths[3]),
        member(paths[5]),
    ])  # fmt: skip
    return data, [site.url + path for path in good]


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_with_broken_records_keeps_every_good_page(
    news_site: Served, tmp_path: Path, gzipped: bool
) -> None:
    data, good = hostile_warc(news_site, gzipped)
    path = tmp_path / ("hostile.warc.gz" if gzipped else "hostile.warc")
    path.write_bytes(data)
    result = run_crawl("warc", {"files": str(tmp_path / "hostile.warc*")}, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(i["url"] for i in result.items) == sorted(good)
    stats = result.stats
    assert stats["warc/skipped/truncated"] == 1
    assert stats["warc/skipped/broken"] >= 1
    assert stats["warc/skipped/not_html"] == 1
    assert stats["warc/skipped/revisit"] == 1
    assert stats["warc/skipped/status"] == 1
    assert "Skipping a truncated record" in result.log


def test_payloads_as_archivers_keep_them_are_decoded_and_a_bad_url_costs_its_record(
    news_site: Served, tmp_path: Path
) -> None:
    """Chunks ("Chunked"), x-gzip, a Content-Encoding over a payload kept decoded, an HTTP/2
    status line: each page is read as a live response would be; a record whose URL no request
    can be made of (port 99999) is skipped and counted, and the records after it are read."""
    paths = news_site.site.feed_paths[:4]
    bodies = {p: urllib.request.urlopen(news_site.url + p, timeout=10).read() for p in paths}
    packed = gzip.compress(bodies[paths[0]])
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part)
                       for part in (packed[:100], packed[100:])) + b"0\r\n\r\n"  # fmt: skip
    records = [  # url, payload, headers, protocol
        (paths[0], chunked, [("Content-Encoding", "gzip"), ("Transfer-Encoding", "Chunked")],
         "HTTP/1.1"),
        (paths[1], gzip.compress(bodies[paths[1]]), [("Content-Encoding", "x-gzip")], "HTTP/1.1"),
        (paths[2], bodies[paths[2]], [("Content-Encoding", "gzip")], "HTTP/1.1"),
        ("http://127.0.0.1:99999/broken", bodies[paths[3]], [], "HTTP/1.1"),
        (paths[3], bodies[paths[3]], [], "HTTP/2"),
    ]  # fmt: skip
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for path, payload, extra, protocol in records:
        headers = StatusAndHeaders(
            "200", [("Content-Type", "text/html; charset=utf-8"), *extra], protocol=protocol
        )
        url = path if path.startswith("http") else news_site.url + path
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    (tmp_path / "archivers.warc.gz").write_bytes(buffer.getvalue())
    result = run_crawl("warc", {"files": str(tmp_path / "archivers.warc.gz")}, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(i["url"] for i in result.items) == sorted(news_site.url + p for p in paths)
    assert result.stats["warc/skipped/broken"] == 1
    assert "Skipping a record" in result.log


def test_a_crawl_killed_mid_way_leaves_a_warc_read_to_its_end_and_recovered(
    news_site: Served, tmp_path: Path
) -> None:
    output = tmp_path / "output"
    settings = {
        **FAST,
        "DOWNLOAD_DELAY": "0.3",
        "NEWS_OUTPUT_PATH": str(output / "{spider}" / "{start}.jsonl"),
        "NEWS_REPORT_PATH": str(output / "{spider}" / "{start}.report.json"),
        "NEWS_WARC_PATH": str(output / "{spider}" / "{start}.warc.gz"),
        "NEWS_STATE_PATH": str(tmp_path / "state.sqlite3"),
    }
    command = [sys.executable, "-m", "scrapy", "crawl", "feeds",
               "-a", f"feeds={feed_urls(news_site)}", "-a", "warc=on"]  # fmt: skip
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    crawl = subprocess.Popen(command, cwd=PROJECT, env=crawl_env(measured=False),
                             stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            parts = list(output.glob("feeds/*.warc.gz.part"))
            try:
                if parts and _responses(parts[0]) >= 4:
                    break
            except Exception:
                pass
            time.sleep(0.05)
        else:
            pytest.fail("the crawl wrote no WARC records")
    finally:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
    (part,) = output.glob("feeds/*.warc.gz.part")
    written = _responses(part)  # warcio reads it to its end, without an error
    assert written >= 4
    later = run_crawl("feeds", {"feeds": feed_urls(news_site)}, tmp_path)
    assert later.stats["warc/recovered_files"] == 1
    (recovered,) = output.glob("feeds/*.warc.gz")
    assert _responses(recovered) == written


def _responses(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(record.rec_type == "response" for record in ArchiveIterator(handle))
