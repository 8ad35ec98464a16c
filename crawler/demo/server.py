"""Serve a site written by ``crawler.demo.site.write_site`` on 127.0.0.1.

``python -m crawler.demo.server FOLDER [--port N]`` prints ``http://127.0.0.1:PORT`` on its first
line once it listens (port 0 picks a free one), then serves until killed. Every occurrence of
``http://__HOST__`` in a body is replaced by that URL, so sites can be written before the port
is known. Responses carry ``ETag`` and ``Last-Modified`` and answer conditional requests with
304, as news sites' feeds do. When the folder's ``_routes.json`` changes, the site is reloaded:
tests publish new articles between two runs that way.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from crawler.demo.site import HOST_PLACEHOLDER, OTHER_HOST_PLACEHOLDER


class Route:
    __slots__ = ("body", "etag", "headers", "modified", "status", "type")

    def __init__(self, body: bytes, content_type: str, status: int, headers: dict[str, str]):
        self.body = body
        self.type = content_type
        self.status = status
        self.headers = headers
        self.etag = '"' + hashlib.md5(body).hexdigest() + '"'
        self.modified = formatdate(time.time(), usegmt=True)


def load_routes(folder: Path, base_url: str) -> dict[str, Route]:
    spec = json.loads((folder / "_routes.json").read_text(encoding="utf-8"))
    other = base_url.replace("127.0.0.1", "localhost")
    swaps = [
        (HOST_PLACEHOLDER.encode(), base_url.encode()),
        (OTHER_HOST_PLACEHOLDER.encode(), other.encode()),
    ]

    def filled(body: bytes, gzipped: bool) -> bytes:
        for placeholder, actual in swaps:
            body = body.replace(placeholder, actual)
        return gzip.compress(body, mtime=0) if gzipped else body

    return {
        path: Route(
            filled((folder / entry["file"]).read_bytes(), entry.get("gzipped", False)),
            entry["type"],
            entry.get("status", 200),
            entry.get("headers", {}),
        )
        for path, entry in spec.items()
    }


class SiteHandler(BaseHTTPRequestHandler):
    routes: dict[str, Route] = {}
    folder: Path
    base_url: str
    loaded_at: float = 0.0
    protocol_version = "HTTP/1.1"

    @classmethod
    def reload_if_changed(cls) -> None:
        changed = (cls.folder / "_routes.json").stat().st_mtime_ns
        if changed != cls.loaded_at:
            cls.routes = load_routes(cls.folder, cls.base_url)
            cls.loaded_at = changed

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        self.reload_if_changed()
        path = unquote(self.path.split("#")[0])
        route = self.routes.get(path) or self.routes.get(path.split("?")[0])
        if route is None:
            body, status, ctype, extra = b"<h1>Not found</h1>", 404, "text/html", {}
        else:
            body, status, ctype = route.body, route.status, route.type
            extra = {"ETag": route.etag, "Last-Modified": route.modified, **route.headers}
            if status == 200 and self.headers.get("If-None-Match") == route.etag:
                body, status = b"", 304
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the crawler's own log says what was fetched


def serve(folder: Path, port: int = 0) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", port), SiteHandler)
    server.daemon_threads = True
    url = f"http://127.0.0.1:{server.server_address[1]}"
    SiteHandler.folder, SiteHandler.base_url = folder, url
    SiteHandler.reload_if_changed()
    print(url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    serve(args.folder, args.port)


if __name__ == "__main__":
    main(sys.argv[1:])
