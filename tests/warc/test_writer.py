"""The WARC writer keeps a response as it was received."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from crawler.warc.writer import FRESH_SECONDS, Exchange, WarcFiles, recover


def test_a_response_head_is_written_byte_for_byte_and_its_payload_digested(
    tmp_path: Path,
) -> None:
    head = (
        b"HTTP/2 200 OK\r\nContent-Type: text/html\r\n"
        b'Content-Disposition: inline; filename="caf\xe9.html"\r\nX-Spaced:   two  spaces\r\n\r\n'
    )
    body = b"<html><p>caf\xc3\xa9</p></html>"
    files = WarcFiles(tmp_path / "t.warc.gz", 10**9, {"software": "test"})
    pointer = files.write(
        Exchange(
            url="http://127.0.0.1/a",
            request_head=b"GET /a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            response_head=head,
            body=body,
            ip_address=None,
        )
    )
    files.finish()
    (path,) = files.files
    assert head + body in gzip.decompress(path.read_bytes())
    with path.open("rb") as handle:
        responses = [r for r in ArchiveIterator(handle) if r.rec_type == "response"]
        (response,) = responses
        assert response.http_headers.get_statuscode() == "200"
        digest = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()
        assert response.rec_headers.get_header("WARC-Payload-Digest") == digest
    assert pointer["offset"] > 0 and pointer["length"] > 0


def _exchange() -> Exchange:
    return Exchange(url="http://127.0.0.1/a", request_head=b"GET /a HTTP/1.1\r\n\r\n",
                    response_head=b"HTTP/1.1 200 OK\r\n\r\n", body=b"<p>a</p>", ip_address=None)  # fmt: skip


def test_a_file_finished_by_another_worker_in_the_same_second_is_not_overwritten(
    tmp_path: Path,
) -> None:
    other = tmp_path / "t-00000.warc.gz"
    other.write_bytes(b"another worker's archive")
    files = WarcFiles(tmp_path / "t.warc.gz", 10**9, {"software": "test"})
    files.write(_exchange())
    files.finish()
    assert other.read_bytes() == b"another worker's archive"
    assert files.files and files.files[0] != other


def test_recovery_leaves_a_writers_new_empty_file_and_removes_an_old_one(tmp_path: Path) -> None:
    part = tmp_path / "t-00000.warc.gz.part"
    part.touch()
    recover(str(tmp_path / "t-*.warc.gz"), 2**30)
    assert part.exists()  # a writer may be about to lock it
    old = time.time() - FRESH_SECONDS - 1
    os.utime(part, (old, old))
    recover(str(tmp_path / "t-*.warc.gz"), 2**30)
    assert not part.exists()
