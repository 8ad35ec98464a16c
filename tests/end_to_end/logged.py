"""``python -m tests.end_to_end.logged FOLDER``: the sample site served as ``crawler.demo.server``
serves it, every request logged to ``requests.log`` in the folder (monotonic time, path), for
tests that check what was asked for and when."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from crawler.demo import server


class LoggedHandler(server.SiteHandler):
    def _respond(self, with_body: bool) -> None:
        with open(self.folder / "requests.log", "a", encoding="utf-8") as log:
            log.write(f"{time.monotonic():.3f} {self.path.split('?')[0]}\n")
        super()._respond(with_body)


if __name__ == "__main__":
    server.SiteHandler = LoggedHandler  # type: ignore[misc]
    server.serve(Path(sys.argv[1]))
