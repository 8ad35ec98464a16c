"""Reading any WARC file record by record, through whatever is broken in it.

warcio parses each record (WARC headers, HTTP headers, chunked and compressed payloads); this
module only finds where records begin and end, so that one bad record costs that record and
no more. In a ``.warc.gz`` every record is its own gzip member (the WARC standard's advice,
followed by this crawler, Common Crawl, wget and Heritrix): a member that does not inflate is
skipped up to the next gzip header. A member that holds several records (a ``.warc`` gzipped
as a whole) is read as a stream, a record at a time; those records share their member's
offset, the only place in the file they can be found from. In a plain ``.warc`` a record ends
``Content-Length`` bytes after its headers; when no record follows there, the next ``WARC/``
line is looked for.
"""

from __future__ import annotations

import io
import mmap
import os
import re
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 20  # inflated at most at a time
READ = 1 << 16  # read at a time: about a compressed page (what is read past a member is copied)
_CONTENT_LENGTH = re.compile(rb"\r\nContent-Length:[ \t]*(\d+)", re.IGNORECASE)
_LINE_BREAKS = re.compile(rb"[\r\n]*")
_WARC_TYPE = re.compile(rb"\nWARC-Type:[ \t]*([A-Za-z-]+)", re.IGNORECASE)
_RECORD_START = re.compile(rb"(?<![^\n])WARC/(?:1\.[01]|0\.1[78])\r?\n")  # at the start of a line


@dataclass
class Entry:
    """One record's place in its file, and the record, or why there is none."""

    offset: int
    length: int
    record: ArcWarcRecord | None
    problem: str | None = None  # "broken" (does not parse or inflate), "truncated", "too_large"
    data: bytes = b""  # the record as read (inflated)
    rec_type: str = ""  # its WARC-Type, also for a record of a type not asked to be parsed


def entries(path: Path, max_bytes: int, types: Collection[str] | None = None) -> Iterator[Entry]:
    """Every record of a WARC file, gzip-per-record or plain; records larger than
    ``max_bytes`` (inflated) are reported, not read. With ``types`` (lower case), records of other
    WARC-Types are yielded unparsed (``record`` None, ``rec_type`` set): a reader that wants
    only the responses does not pay for parsing the requests beside them."""
    with path.open("rb") as handle:
        gzipped = handle.read(3) == GZIP_MAGIC or path.name.endswith(".gz")  # damaged start
        handle.seek(0)
        yield from (_gzip_entries if gzipped else _plain_entries)(handle, max_bytes, types)


def read_entry(path: Path, offset: int, length: int, max_bytes: int) -> Entry:
    """The record at ``offset`` (one found by ``entries``)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    if data[:3] == GZIP_MAGIC:
        return next(
            _gzip_entries(io.BytesIO(data), max_bytes, None), Entry(offset, 0, None, "broken")
        )
    return parse_entry(offset, length, data)


def parse_entry(
    offset: int, length: int, data: bytes, types: Collection[str] | None = None
) -> Entry:
    """The record in ``data`` (inflated), found at ``offset`` of its file; left unparsed
    when its WARC-Type is not among ``types``."""
    if types is not None:
        headers_end = data.find(b"\r\n\r\n")
        found = _WARC_TYPE.search(data, 0, headers_end if headers_end >= 0 else len(data))
        rec_type = found.group(1).decode("ascii").lower() if found else ""
        if rec_type and rec_type not in types:
            return Entry(offset, length, None, rec_type=rec_type)
    try:
        loader = ArcWarcRecordLoader(verify_http=False)  # "HTTP/2 200" status lines too
        record = loader.parse_record_stream(
            io.BytesIO(data), known_format="warc", ensure_http_headers=False
        )
        declared = int(record.rec_headers.get_header("Content-Length") or 0)
    except Exception:  # warcio raises many kinds on bad headers
        return Entry(offset, length, None, "broken")
    block = len(data) - (data.find(b"\r\n\r\n") + 4)
    # cut short, or marked truncated by its archiver
    cut = block < declared or record.rec_headers.get_header("WARC-Truncated")
    rec_type = (record.rec_type or "").lower()  # as for a record left unparsed
    return Entry(offset, length, record, "truncated" if cut else None, data, rec_type)


def _gzip_entries(
    handle: BinaryIO, max_bytes: int, types: Collection[str] | None
) -> Iterator[Entry]:
    position: int | None = _find_member(handle, 0)
    while position is not None:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        records = _Records(max_bytes)
        last: tuple[bytes, bool] | None = None  # a member's last record: whole if it ends well
        several = False  # records found in this member before ``last``
        consumed = 0
        problem = None
        handle.seek(position)
        data = handle.read(READ)
        while True:
            try:
                out = inflater.decompress(data, CHUNK)  # bounded: a bomb inflates no further
            except zlib.error:
                problem = "broken"
                break
            for found in records.feed(out):
                if last is not None:  # one of several records in this member
                    yield _entry(position, consumed, *last, types)
                    several = True
                last = found
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
        if problem and several and last is not None:
            yield _entry(position, consumed, *last, types)  # whole, in a member cut after it
        if problem == "broken":
            yield Entry(position, 0, None, problem)
            position = _find_member(handle, position + 1)
            continue
        if problem == "truncated":
            yield Entry(position, consumed, None, problem)
            return
        for found in (last, records.rest()):  # rest: a record shorter than it says, or no record
            if found is not None:
                yield _entry(position, consumed, *found, types)
        position = _find_member(handle, position + consumed)


def _entry(
    position: int, consumed: int, record: bytes, too_large: bool, types: Collection[str] | None
) -> Entry:
    if too_large:
        return Entry(position, consumed, None, "too_large")
    return parse_entry(position, consumed, record, types)


class _Records:
    """Inflated bytes cut into whole records (headers and ``Content-Length`` bytes of block),
    holding one record at most: a record over ``max_bytes``, or as much that is no record, is
    passed over, not kept."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.buffer = bytearray()
        self.skip = 0  # bytes still to pass over of a record too large to keep
        self.overflow = False  # more than max_bytes that is no record: the member's rest

    def feed(self, data: bytes) -> Iterator[tuple[bytes, bool]]:
        if self.overflow:
            return
        if self.skip:
            passed = min(self.skip, len(data))
            self.skip -= passed
            data = data[passed:]
            if self.skip:
                return
        self.buffer += data
        while True:
            start = _LINE_BREAKS.match(self.buffer).end()  # type: ignore[union-attr]
            header_end = self.buffer.find(b"\r\n\r\n", start)
            found = (
                _CONTENT_LENGTH.search(self.buffer, start, header_end) if header_end > 0 else None
            )
            if found is None:  # headers to come, or no record's headers (``rest`` reports them)
                if len(self.buffer) > self.max_bytes:
                    self.overflow = True
                    self.buffer.clear()
                return
            end = header_end + 4 + int(found.group(1))
            if end - start > self.max_bytes:
                self.skip = max(end - len(self.buffer), 0)
                del self.buffer[:end]
                yield b"", True
                if self.skip:
                    return
                continue
            if len(self.buffer) < end:
                return
            record = bytes(self.buffer[start:end])
            del self.buffer[:end]
            yield record, False

    def rest(self) -> tuple[bytes, bool] | None:
        """What is left at the member's end that is not a whole record, if anything."""
        if self.overflow:
            return b"", True
        left = bytes(self.buffer).strip(b"\r\n")
        self.buffer.clear()
        return (left, False) if left else None


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


def _plain_entries(
    handle: BinaryIO, max_bytes: int, types: Collection[str] | None
) -> Iterator[Entry]:
    if not os.fstat(handle.fileno()).st_size:
        return
    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        yield from _plain_records(data, max_bytes, types)


def _plain_records(
    data: mmap.mmap, max_bytes: int, types: Collection[str] | None
) -> Iterator[Entry]:
    position = 0
    while position < len(data):
        match = _RECORD_START.search(data, position)
        if match is None:
            return
        start = match.start()
        header_end = data.find(b"\r\n\r\n", start)
        found = _CONTENT_LENGTH.search(data, start, header_end)
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
            yield parse_entry(start, end - start, data[start:end], types)
        position = end
