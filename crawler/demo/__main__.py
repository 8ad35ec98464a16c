"""The offline demo: ``python -m crawler.demo`` (or ``make demo``).

Serves the sample news site on 127.0.0.1 and runs ``scrapy crawl feeds`` on its RSS, Atom and
JSON feeds with the project's default settings; the articles land in ``output/feeds/``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.demo.site import build_site, write_site

PROJECT = Path(__file__).resolve().parents[2]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="news-demo-") as folder:
        write_site(build_site(), Path(folder))
        server = subprocess.Popen(
            [sys.executable, "-m", "crawler.demo.server", folder],
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
    written = sorted((PROJECT / "output" / "feeds").glob("*.jsonl"))
    if status == 0 and written:
        print(f"Articles written to {written[-1].relative_to(PROJECT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
