"""The health page: one HTML file, charts and script inline, readable without a network.

Charts are drawn by matplotlib as SVG and embedded; each source's row carries a small line of
its articles per day. The sources table puts flagged sources first, sorts on any column (a
click on its head) and filters as one types; with 500 sources it is one table of 500 rows.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from html import escape
from typing import Any

from crawler.health.flags import Flag
from crawler.health.history import History, HostHistory, SourceHistory

TOP_SOURCES = 10  # in the articles chart; the others summed


def render(history: History, flags: list[Flag]) -> str:
    flagged: dict[str, list[Flag]] = {}
    for flag in flags:
        flagged.setdefault(flag.subject, []).append(flag)
    sources = sorted(
        history.sources.values(), key=lambda s: (s.name not in flagged, -s.articles, s.name)
    )
    window = f"{history.days[0]} to {history.days[-1]}" if history.days else "no runs"
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return _PAGE.format(
        title=escape(f"Crawl health, {window}"),
        summary=escape(
            f"{len(history.runs)} runs, {len(history.sources)} sources, "
            f"{sum(s.articles for s in history.sources.values())} articles; "
            f"{len(flags)} flags; generated {generated}"
        ),
        flags="".join(
            f'<li class="flag {f.kind}"><b>{escape(f.kind)}</b> {escape(f.subject)}: '
            f"{escape(f.text)}</li>"
            for f in flags
        )
        or "<li>nothing needs a person</li>",
        articles_chart=_articles_chart(history),
        failures_chart=_failures_chart(history),
        source_rows="".join(_source_row(s, history.days, flagged.get(s.name, [])) for s in sources),
        host_rows="".join(
            _host_row(h, h.host in flagged)
            for h in sorted(history.hosts.values(), key=lambda h: (h.host not in flagged, h.host))
        ),
    )


def _host_row(host: HostHistory, flagged: bool) -> str:
    kinds = ", ".join(f"{kind} ×{count}" for kind, count in sorted(host.kinds.items()))
    cells = [kinds, ", ".join(sorted(host.reasons)), f"{host.refused_runs[0]:%Y-%m-%d %H:%M}",
             f"{host.refused_runs[-1]:%Y-%m-%d %H:%M}", host.example]  # fmt: skip
    row = "".join(f"<td>{escape(cell)}</td>" for cell in cells)
    return f'<tr class="{"flagged" if flagged else ""}"><td>{escape(host.host)}</td>{row}</tr>'


def _source_row(source: SourceHistory, days: list[str], flags: list[Flag]) -> str:
    share = source.not_modified_share
    interval = f"{source.interval / 3600:.1f} h" if source.interval else ""
    last = f"{source.last_success:%Y-%m-%d %H:%M}" if source.last_success else "never"
    cells = [
        ("flags", " ".join(f.kind for f in flags), len(flags)),
        ("", source.name, source.name),
        ("", str(source.runs), source.runs),
        ("", str(source.articles), source.articles),
        ("", _sparkline([source.per_day.get(day, 0) for day in days]), source.articles),
        ("", str(source.duplicates), source.duplicates),
        ("", str(source.no_article), source.no_article),
        ("", str(source.failures), source.failures),
        ("", f"{share:.0%}" if share is not None else "", share or 0),
        ("", interval, source.interval or 0),
        ("", last, last),
    ]
    title = escape(" · ".join(f.text for f in flags))
    row = "".join(
        f'<td class="{cls}" data-v="{escape(str(value))}">{_cell(text)}</td>'
        for cls, text, value in cells
    )
    return f'<tr class="{"flagged" if flags else ""}" title="{title}">{row}</tr>'


def _cell(text: str) -> str:
    return text if text.startswith("<svg") else escape(text)


def _sparkline(values: list[int], width: int = 120, height: int = 24) -> str:
    """A source's articles per day, as a line (hand-drawn: 500 small figures from matplotlib
    would make the page slow to write and to open)."""
    if not values:
        return ""
    top = max(values) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (v / top) * (height - 4):.1f}" for i, v in enumerate(values)
    )
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<polyline fill="none" stroke="#2a6f97" stroke-width="1.5" points="{points}"/></svg>'
    )


def _day_axis(axes: Any) -> None:
    from matplotlib import dates

    locator = dates.AutoDateLocator(minticks=3, maxticks=12)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.DateFormatter("%b %d"))
    axes.tick_params(axis="x", labelrotation=45, labelsize=8)


def _dates(days: list[str]) -> list[date]:
    return [date.fromisoformat(day) for day in days]


def _figure_svg(figure: object) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")  # type: ignore[attr-defined]
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _articles_chart(history: History) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    days = history.days
    x = _dates(days)
    ranked = sorted(history.sources.values(), key=lambda s: -s.articles)
    shown, rest = ranked[:TOP_SOURCES], ranked[TOP_SOURCES:]
    figure, axes = pyplot.subplots(figsize=(10, 3.6))
    bottom = [0] * len(days)
    for source in shown:
        counts = [source.per_day.get(day, 0) for day in days]
        axes.bar(x, counts, bottom=bottom, label=source.name)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    if rest:
        counts = [sum(s.per_day.get(day, 0) for s in rest) for day in days]
        axes.bar(x, counts, bottom=bottom, label=f"{len(rest)} others", color="#bbbbbb")
    axes.set_title("Articles per day, by source")
    axes.set_ylabel("articles")
    _day_axis(axes)
    axes.legend(fontsize=7, ncol=2, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    svg = _figure_svg(figure)
    pyplot.close(figure)
    return f'<figure class="chart" id="articles-chart">{svg}</figure>'


def _failures_chart(history: History) -> str:
    from matplotlib import pyplot

    days = history.days
    figure, axes = pyplot.subplots(figsize=(10, 2.6))
    axes.bar(_dates(days), [history.failures_per_day.get(d, 0) for d in days], color="#c0392b")
    axes.set_title("Failures and refusals per day")
    axes.set_ylim(bottom=0)
    _day_axis(axes)
    svg = _figure_svg(figure)
    pyplot.close(figure)
    return f'<figure class="chart" id="failures-chart">{svg}</figure>'


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.15em; margin-top: 1.5em; }}
ul.flags {{ padding-left: 1.2em; }} li.flag b {{ text-transform: uppercase; font-size: .8em; }}
li.silent b {{ color: #b9770e; }} li.failing b, li.refusing b, li.exit b {{ color: #c0392b; }}
figure.chart svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; }} th, td {{ padding: 2px 8px; border-bottom: 1px solid #ddd; }}
th {{ cursor: pointer; text-align: left; background: #f4f4f4; position: sticky; top: 0; }}
tr.flagged td {{ background: #fdecea; }} td.flags {{ color: #c0392b; font-weight: bold; }}
input#filter {{ margin: .5em 0; padding: 4px; width: 20em; }}
</style></head>
<body>
<h1>{title}</h1>
<p class="summary">{summary}</p>
<h2>Needs a person</h2>
<ul class="flags" id="flags">{flags}</ul>
{articles_chart}
{failures_chart}
<h2>Sources</h2>
<input id="filter" placeholder="filter sources, e.g. a name or a flag">
<table id="sources"><thead><tr><th>flags</th><th>source</th><th>runs</th><th>articles</th>
<th>per day</th><th>duplicates</th><th>no article</th><th>failures</th><th>304 share</th>
<th>polling</th><th>last success</th></tr></thead>
<tbody>{source_rows}</tbody></table>
<h2>Hosts that refused the crawler</h2>
<table id="hosts"><thead><tr><th>host</th><th>refusals</th><th>reasons</th><th>first</th>
<th>last</th><th>example</th></tr></thead><tbody>{host_rows}</tbody></table>
<script>
(function () {{
  var table = document.getElementById("sources"), body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  document.getElementById("filter").addEventListener("input", function (event) {{
    var wanted = event.target.value.toLowerCase();
    rows.forEach(function (row) {{
      row.style.display = row.textContent.toLowerCase().indexOf(wanted) < 0 ? "none" : "";
    }});
  }});
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (head, column) {{
    head.addEventListener("click", function () {{
      var down = head.dataset.order !== "down";
      head.dataset.order = down ? "down" : "up";
      rows.sort(function (a, b) {{
        var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny;
        return down ? -order : order;
      }});
      rows.forEach(function (row) {{ body.appendChild(row); }});
    }});
  }});
  window.addEventListener("load", function () {{
    document.body.dataset.loadedMs = Math.round(performance.now());
  }});
}})();
</script>
</body></html>
"""
