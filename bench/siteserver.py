"""A lean server for benchmark sites: ``python -m bench.siteserver FOLDER``.

Serves a folder written by ``crawler.demo.site.write_site`` on 127.0.0.1 (printing its URL on
the first line, as ``crawler.demo.server`` does), from memory, over HTTP/1.1 keep-alive, with
each response's bytes built once at start. It shares the benchmark machine's cores with what is
measured; the demo server (``http.server``: a thread and a header parse per request, a file
check for reloads) spent about half a millisecond of CPU a page, which the ceiling, run with no
server at all, did not pay. A crawler's real servers are on other machines. This one spends
about a tenth of that. No conditional requests, no reloads: the benchmark needs neither.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from pathlib import Path
from urllib.parse import unquote

from crawler.demo.server import load_routes

_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found"}


def responses(folder: Path, base_url: str) -> dict[str, tuple[bytes, bytes]]:
    """Path -> (status line and headers, body), from the demo server's own reading of the
    folder (placeholders filled, gzip applied)."""
    return {
        path: (head(route.status, route.type, route.headers, route.body), route.body)
        for path, route in load_routes(folder, base_url).items()
    }


def head(status: int, content_type: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'OK')}", f"Content-Type: {content_type}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


_NOT_FOUND = (head(404, "text/html", {}, b"<h1>Not found</h1>"), b"<h1>Not found</h1>")


class Connection(asyncio.Protocol):
    routes: dict[str, tuple[bytes, bytes]] = {}

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            request, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            method, _, rest = request.partition(b" ")
            target = unquote(rest.partition(b" ")[0].decode("latin-1")).split("#")[0]
            found = self.routes.get(target) or self.routes.get(target.split("?")[0]) or _NOT_FOUND
            self.transport.write(found[0])
            if method != b"HEAD":
                self.transport.write(found[1])
            if b"\r\nconnection: close" in request.lower():
                self.transport.close()
                return


async def serve(folder: Path, port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Connection, "127.0.0.1", port)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    Connection.routes = responses(folder, url)
    print(url, flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.folder, args.port))


if __name__ == "__main__":
    main()
