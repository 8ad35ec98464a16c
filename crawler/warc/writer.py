"""WARC files of a run: request and response records, rotated by size, crash-safe.

Each record is one gzip member, built in memory and written with one ``write`` call, so a
process killed at any moment leaves whole records only (a write to a file completes before
a signal is acted on); ``recover`` cuts what a power loss may leave torn. A file is written as
``<name>.part`` (locked while its writer lives) and renamed when full or when the run ends,
so that a reader taking ``*.warc.gz`` never sees a file being written.
"""

from __future__ import annotations

import fcntl
import glob
import gzip
import io
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.warcwriter import WARCWriter

from crawler.warc.reader import entries

logger = logging.getLogger(__name__)

SUFFIX = ".warc.gz"


@dataclass
class Exchange:
    """One HTTP exchange as it went over the wire (as far as Scrapy keeps it)."""

    url: str
    request_head: bytes  # request line and headers, CRLF-terminated
    response_head: bytes  # status line and headers, CRLF-terminated
    body: bytes  # as received: still compressed if it came with a Content-Encoding
    ip_address: str | None = None


class WarcFiles:
    """Appends exchanges to ``<base>-00000.warc.gz``, ``-00001``... of at most about
    ``max_bytes`` each, every file opened by a ``warcinfo`` record of ``info``."""

    def __init__(self, base: Path, max_bytes: int, info: dict[str, str]) -> None:
        self.base = base
        self.max_bytes = max_bytes
        self.info = info
        self.serial = 0
        self.path: Path | None = None
        self.handle: int | None = None
        self.size = 0
        self.records = 0  # exchanges in the current file
        self.files: list[Path] = []  # finished files

    def write(self, exchange: Exchange) -> dict[str, object]:
        """Write one exchange; where its response record is: file, offset and length."""
        if self.handle is not None and self.size >= self.max_bytes:
            self.finish()
        if self.handle is None:
            self._open()
        assert self.handle is not None and self.path is not None
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False, warc_version="1.1")
        extra = {"WARC-IP-Address": exchange.ip_address} if exchange.ip_address else {}
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=io.BytesIO(exchange.body),
            length=len(exchange.body),
            warc_headers_dict=extra,
            http_headers=_AsReceived(exchange.response_head),
        )
        writer.write_record(response)
        response_member = _member(buffer)
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=io.BytesIO(exchange.request_head),
            length=len(exchange.request_head),
            warc_headers_dict={
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                "WARC-Date": response.rec_headers.get_header("WARC-Date"),
            },
        )
        writer.write_record(request)
        offset = self.size
        self._append(response_member + _member(buffer))
        self.records += 1
        return {"file": str(self.path), "offset": offset, "length": len(response_member)}

    def sync(self) -> None:
        """Put what was written on disk (before the JSON lines that point at it)."""
        if self.handle is not None:
            os.fsync(self.handle)

    def finish(self) -> None:
        """Close the current file and give it its final name."""
        if self.handle is None or self.path is None:
            return
        os.fsync(self.handle)
        partial = _partial(self.path)
        if self.records:
            os.replace(partial, self.path)
            self.files.append(self.path)
        else:
            partial.unlink(missing_ok=True)
        os.close(self.handle)  # after the rename: the lock guards it until then
        self.handle, self.size, self.records = None, 0, 0
        self.serial += 1

    def _open(self) -> None:
        name = self.base.name.removesuffix(SUFFIX)
        path = self.base.with_name(f"{name}-{self.serial:05d}{SUFFIX}")
        try:
            if path.exists():  # finished by another worker that started in the same second
                raise FileExistsError(path)
            handle = os.open(_partial(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:  # another worker of a distributed crawl, in the same second
            path = path.with_name(path.name.replace(SUFFIX, f"-{os.getpid()}{SUFFIX}"))
            handle = os.open(_partial(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        # Blocking: another worker's recovery may hold it for a moment (and leaves it be).
        fcntl.flock(handle, fcntl.LOCK_EX)
        self.path, self.handle, self.size = path, handle, 0
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(path.name, self.info))
        self._append(_member(buffer))

    def _append(self, data: bytes) -> None:
        assert self.handle is not None
        written = os.write(self.handle, data)
        while written < len(data):  # a short write (a full disk raises instead)
            written += os.write(self.handle, data[written:])
        self.size += len(data)


FRESH_SECONDS = 60  # an empty .part younger than this may be a writer's, not yet locked


def recover(pattern: str, max_bytes: int) -> list[tuple[Path, int, int]]:
    """Finish the ``.part`` files a killed run left (those no live writer holds): cut each
    after its last whole record and rename it. Returns (file, records kept, bytes cut)."""
    recovered = []
    for leftover in map(Path, sorted(glob.glob(pattern + ".part"))):
        with leftover.open("rb+") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a live writer's file
            if not leftover.exists():
                continue  # finished and renamed meanwhile
            state = os.fstat(handle.fileno())
            if not state.st_size and time.time() - state.st_mtime < FRESH_SECONDS:
                continue  # created a moment ago by a writer that is about to lock it
            end = kept = 0
            for entry in entries(leftover, max_bytes):
                if entry.problem in ("broken", "truncated"):
                    break
                end, kept = entry.offset + entry.length, kept + 1
            size = os.fstat(handle.fileno()).st_size
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
            final = leftover.with_name(leftover.name.removesuffix(".part"))
            if kept > 1:  # more than its warcinfo record
                os.replace(leftover, final)
            else:
                leftover.unlink()
            recovered.append((final, kept, size - end))
    return recovered


class _AsReceived(StatusAndHeaders):
    """An HTTP head that warcio writes as it is given, byte for byte: it would write its own
    rendering of the parsed headers (non-ASCII values percent-encoded, spaces trimmed)."""

    def __init__(self, head: bytes) -> None:
        parsed = StatusAndHeadersParser([], verify=False).parse(io.BytesIO(head))
        super().__init__(parsed.statusline, parsed.headers, parsed.protocol)
        self.headers_buff = head

    def compute_headers_buffer(self, header_filter: object = None) -> None:
        pass  # headers_buff is the head as received


def _member(buffer: io.BytesIO) -> bytes:
    """What ``buffer`` holds as one gzip member, and the buffer emptied. Level 6, not warcio's
    9: half the time for 1% more bytes, in the reactor's thread."""
    member = gzip.compress(buffer.getvalue(), compresslevel=6, mtime=0)
    buffer.seek(0)
    buffer.truncate()
    return member


def _partial(path: Path) -> Path:
    return path.with_name(path.name + ".part")
