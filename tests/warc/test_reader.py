"""The WARC reader parses only the records a reader asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.warc.reader import entries
from crawler.warc.writer import Exchange, WarcFiles


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    files = WarcFiles(tmp_path / "t.warc.gz", 10**9, {"software": "test"})
    files.write(Exchange(url="http://127.0.0.1/a", request_head=b"GET /a HTTP/1.1\r\n\r\n",
                         response_head=b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                         body=b"<p>a</p>", ip_address=None))  # fmt: skip
    files.finish()
    (path,) = files.files
    return path


def test_every_record_is_parsed_when_no_types_are_named(archive: Path) -> None:
    found = list(entries(archive, 2**30))
    assert [e.rec_type for e in found] == ["warcinfo", "response", "request"]
    assert all(e.record is not None and e.problem is None for e in found)


def test_records_of_other_types_are_yielded_unparsed(archive: Path) -> None:
    found = list(entries(archive, 2**30, types=("response",)))
    assert [e.rec_type for e in found] == ["warcinfo", "response", "request"]
    assert [e.record is not None for e in found] == [False, True, False]
    response = found[1].record
    assert response is not None and response.raw_stream.read() == b"<p>a</p>"
    # the same places in the file as when everything is parsed
    assert [(e.offset, e.length) for e in found] == [
        (e.offset, e.length) for e in entries(archive, 2**30)
    ]
