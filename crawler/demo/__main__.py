"""The offline demo: ``python -m crawler.demo`` (or ``make demo``).

Serves the sample news site on 127.0.0.1 and runs ``scrapy crawl feeds`` on its RSS, Atom and
JSON feeds with the project's default settings; the articles land in ``output/feeds/``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.demo.site import build_site, write_site

PROJECT = Path(__file__).resolve().parents[2]
# A fixed port keeps the site's URLs the same from one demo run to the next, so that a second
# run shows the state store at work (nothing new, nothing written). 0 if it is taken.
PORT = 8765


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="news-demo-") as folder:
        write_site(build_site(), Path(folder))
        port = PORT if _free(PORT) else 0
        server = subprocess.Popen(
            [sys.executable, "-m", "crawler.demo.server", folder, "--port", str(port)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            print(f"Sample news site served at {url}", flush=True)
            feeds = ",".join(f"{url}/{name}" for name in ("feed.xml", "atom.xml", "feed.json"))
            command = [sys.executable, "-m", "scrapy", "crawl", "feeds", "-a", f"feeds={feeds}"]
            print("Running:", " ".join(command[1:]), flush=True)
            status = subprocess.call(command, cwd=PROJECT)
        finally:
            server.terminate()
            server.wait()
    reports = sorted((PROJECT / "output" / "feeds").glob("*.report.json"))
    if status == 0 and reports:
        count = json.loads(reports[-1].read_text("utf-8"))["stats"].get("output/articles", 0)
        if count:
            written = reports[-1].name.replace(".report.json", ".jsonl")
            print(f"{count} articles written to output/feeds/{written}")
        else:
            print("Nothing new since the last run: the state store remembers it.")
            print("To start over: rm output/state.sqlite3 && make demo")
    return status


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


if __name__ == "__main__":
    sys.exit(main())
