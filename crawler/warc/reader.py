"""Reading any WARC file record by record, through whatever is broken in it.

warcio parses each record (WARC headers, HTTP headers, chunked and compressed payloads); this
module only finds where records begin and end, so that one bad record costs that record and
no more. In a ``.warc.gz`` every record is its own gzip member (the WARC standard's advice,
followed by this crawler, Common Crawl, wget and Heritrix): a member that does not inflate is
skipped up to the next gzip header. In a plain ``.warc`` a record ends ``Content-Length``
bytes after its headers; when no record follows there, the next ``WARC/`` line is looked for.
"""

from __future__ import annotations

import io
import mmap
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 20  # inflated at most at a time
READ = 1 << 16  # read at a time: about a compressed page (what is read past a member is copied)
_RECORD_START = re.compile(rb"(?<![^\n])WARC/1\.[01]\r?\n")  # at the start of a line


@dataclass
class Entry:
    """One record's place in its file, and the record, or why there is none."""

    offset: int
    length: int
    record: ArcWarcRecord | None
    problem: str | None = None  # "broken" (does not parse or inflate), "truncated", "too_large"
    data: bytes = b""  # the record as read (inflated)


def entries(path: Path, max_bytes: int) -> Iterator[Entry]:
    """Every record of a WARC file, gzip-per-record or plain; records larger than
    ``max_bytes`` (inflated) are reported, not read."""
    with path.open("rb") as handle:
        gzipped = handle.read(3) == GZIP_MAGIC
        handle.seek(0)
        yield from (_gzip_entries if gzipped else _plain_entries)(handle, max_bytes)


def read_entry(path: Path, offset: int, length: int, max_bytes: int) -> Entry:
    """The record at ``offset`` (one found by ``entries``)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    if data[:3] == GZIP_MAGIC:
        return next(_gzip_entries(io.BytesIO(data), max_bytes), Entry(offset, 0, None, "broken"))
    return parse_entry(offset, length, data)


def parse_entry(offset: int, length: int, data: bytes) -> Entry:
    """The record in ``data`` (inflated), found at ``offset`` of its file."""
    try:
        record = ArcWarcRecordLoader().parse_record_stream(
            io.BytesIO(data), known_format="warc", ensure_http_headers=False
        )
        declared = int(record.rec_headers.get_header("Content-Length") or 0)
    except Exception:  # warcio raises many kinds on bad headers
        return Entry(offset, length, None, "broken")
    block = len(data) - (data.find(b"\r\n\r\n") + 4)
    if block < declared or record.rec_headers.get_header("WARC-Truncated"):
        return Entry(offset, length, record, "truncated", data)  # cut short, or by its archiver
    return Entry(offset, length, record, None, data)


def _gzip_entries(handle: BinaryIO, max_bytes: int) -> Iterator[Entry]:
    position: int | None = _find_member(handle, 0)
    while position is not None:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        parts: list[bytes] = []
        size = consumed = 0
        problem = None
        handle.seek(position)
        data = handle.read(READ)
        while True:
            try:
                out = inflater.decompress(data, CHUNK)  # bounded: a bomb inflates no further
            except zlib.error:
                problem = "broken"
                break
            if size + len(out) <= max_bytes:
                parts.append(out)
            size += len(out)
            if inflater.eof:
                consumed += len(data) - len(inflater.unused_data)
                break
            if inflater.unconsumed_tail:
                consumed += len(data) - len(inflater.unconsumed_tail)
                data = inflater.unconsumed_tail
                continue
            consumed += len(data)
            data = handle.read(READ)
            if not data:
                problem = "truncated"  # the file ends inside this member
                break
        if problem == "broken":
            yield Entry(position, 0, None, problem)
            position = _find_member(handle, position + 1)
            continue
        if problem == "truncated":
            yield Entry(position, consumed, None, problem)
            return
        if size > max_bytes:
            yield Entry(position, consumed, None, "too_large")
        else:
            yield parse_entry(position, consumed, b"".join(parts))
        position = _find_member(handle, position + consumed)


def _find_member(handle: BinaryIO, start: int) -> int | None:
    """The offset of the first gzip header at or after ``start``."""
    handle.seek(start)
    if handle.read(3) == GZIP_MAGIC:  # where one member ends, the next begins
        return start
    handle.seek(start)
    carried = b""
    while True:
        chunk = handle.read(READ)
        if not chunk:
            return None
        window = carried + chunk
        found = window.find(GZIP_MAGIC)
        if found >= 0:
            return start - len(carried) + found
        carried = window[-2:]
        start += len(chunk)


def _plain_entries(handle: BinaryIO, max_bytes: int) -> Iterator[Entry]:
    if not os.fstat(handle.fileno()).st_size:
        return
    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        yield from _plain_records(data, max_bytes)


def _plain_records(data: mmap.mmap, max_bytes: int) -> Iterator[Entry]:
    position = 0
    while position < len(data):
        match = _RECORD_START.search(data, position)
        if match is None:
            return
        start = match.start()
        header_end = data.find(b"\r\n\r\n", start)
        found = re.search(rb"\r\nContent-Length:\s*(\d+)", data[start:header_end], re.I)
        if header_end < 0 or found is None:
            yield Entry(start, 0, None, "broken")
            position = start + 1
            continue
        end = header_end + 4 + int(found.group(1))
        if end > len(data) or (
            data[end : end + 4] != b"\r\n\r\n" and _RECORD_START.match(data, end) is None
        ):  # cut short: by the end of the file, or by the next record's start
            following = _RECORD_START.search(data, header_end)
            stop = following.start() if following else len(data)
            yield Entry(start, stop - start, None, "truncated")
            position = stop
            continue
        if int(found.group(1)) > max_bytes:
            yield Entry(start, end - start, None, "too_large")
        else:
            yield parse_entry(start, end - start, data[start:end])
        position = end
