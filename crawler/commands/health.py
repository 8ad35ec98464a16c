"""``scrapy health -o health.html [--days N] [--reports DIR]``: the health page of scheduled
crawls, from their run reports (``crawler.health``)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.health.flags import find_flags
from crawler.health.history import load_runs, summarize
from crawler.health.page import render

logger = logging.getLogger(__name__)


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}  # its warnings still reach stderr

    def syntax(self) -> str:
        return "-o FILE [--days N] [--reports DIR]"

    def short_desc(self) -> str:
        return "Write the health page of scheduled crawls (sources, hosts, flags) from run reports"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", required=True, help="the HTML file to write")
        parser.add_argument("--days", type=float, help="only the last N days of reports")
        parser.add_argument(
            "--reports", help="folder of the run reports (default: that of NEWS_REPORT_PATH)"
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        folder = Path(opts.reports or _reports_folder(self.settings.get("NEWS_REPORT_PATH")))
        if not folder.is_dir():
            raise UsageError(f"no run reports: {folder} is not a folder")
        runs = load_runs(folder, opts.days)
        history = summarize(runs)
        flags = find_flags(history)
        output = Path(opts.output)
        output.write_text(render(history, flags), encoding="utf-8")
        print(f"{output}: {len(runs)} runs, {len(history.sources)} sources, {len(flags)} flags")


def _reports_folder(template: str | None) -> Path:
    """The folder above ``{spider}`` in the report path template (``output/``)."""
    path = Path(template or "output/{spider}/{start}.report.json")
    parts = path.parts
    for index, part in enumerate(parts):
        if "{" in part:
            return Path(*parts[:index]) if index else Path(".")
    return path.parent
