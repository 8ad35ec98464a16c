"""What ``crawler.extraction.lean`` saves, and that it changes no answer on real pages.

    python -m bench.lean [--pages DIR]

Each measure runs in a fresh process (tables built once stay for the life of a process):
the memory that justext's union stop list takes, trafilatura's way and ours; the memory and
CPU that htmldate's dateparser takes on a date it must search all locales for, and on the
same date with the page's language; then the dates and languages the crawler's extraction
gives on the real pages of ``../shared/pages`` with dateparser limited to each page's language
(ours) and with all locales (htmldate's own), and how many differ.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = PROJECT.parent / "shared" / "pages"

_MEASURE = """
import json, sys, time
def rss(): return int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
import crawler.extraction.extract, dateparser, justext.core, trafilatura.external as external
from crawler.extraction import lean
case = sys.argv[1]
if case.endswith("ours"):
    lean.install()
before, started = rss(), time.process_time()
if case.startswith("stoplist"):
    justext.core.define_stoplist(external.JT_STOPLIST or external.jt_stoplist_init())
else:
    import htmldate.extractors as hx
    lean.set_page_language("cs" if case.endswith("ours") else None)
    hx.get_external_parser().get_date_data("Zveřejněno 3. března 2020 v 10 hodin")
print(json.dumps({"MB": rss() - before, "cpu": time.process_time() - started}))
"""

_DATES = """
import json, sys
from pathlib import Path
from crawler.extraction import lean
from crawler.extraction.extract import ArticleExtractor
import htmldate.extractors as hx
extract = ArticleExtractor()
if sys.argv[2] == "all":
    hx.get_external_parser = lean._htmldate_parser
found = {}
for path in sorted(Path(sys.argv[1]).glob("*.html")):
    page = extract(path.read_bytes(), "http://127.0.0.1/" + path.name, "text/html")
    found[path.name] = [page.date, page.language] if page else None
print(json.dumps(found))
"""


def run(code: str, *args: str) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    args = parser.parse_args()
    for what, label in (("stoplist", "justext's union stop list"), ("dates", "dateparser")):
        theirs, ours = run(_MEASURE, f"{what}-theirs"), run(_MEASURE, f"{what}-ours")
        print(
            f"{label:28} trafilatura's way {theirs['MB']:5.1f} MB {theirs['cpu']:5.2f} s CPU;"
            f"  ours {ours['MB']:5.1f} MB {ours['cpu']:5.2f} s CPU"
        )
    if not args.pages.is_dir():
        print(f"no pages at {args.pages}: dates not compared")
        return
    ours, theirs = run(_DATES, str(args.pages), "ours"), run(_DATES, str(args.pages), "all")
    differ = [name for name in ours if ours[name] != theirs[name]]
    dated = sum(1 for value in ours.values() if value and value[0])
    print(
        f"{len(ours)} real pages: {dated} dated; date or language differs on {len(differ)} "
        "between dateparser in the page's language and in all locales"
    )
    for name in differ:
        print(f"  {name}: ours {ours[name]}, all locales {theirs[name]}")


if __name__ == "__main__":
    main()
