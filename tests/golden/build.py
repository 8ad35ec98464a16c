"""Build the golden corpus: pages around the hand-written stories, and what must come out.

    python -m tests.golden.build        # rewrites tests/golden/cases/

Each case is a page (``NN-name.html``) and a JSON file with the inputs the crawler would have
(URL, Content-Type, the feed entry if any) and the expected record fields. The cases cross the
evidence a page and its feed may carry with the ways it can be wrong:

- JSON-LD with the full body (as one block or in paragraphs), none at all, a teaser body, and
  a template's JSON-LD of another story with another date;
- a feed whose ``content:encoded`` is the full text, or a truncated teaser;
- several dates on the page (updated stamps, dated related stories, a copyright year);
- several authors, in the byline and in JSON-LD;
- German, French, Spanish, Russian, Japanese, Arabic and Greek pages;
- three page layouts: semantic ``<article>`` (an English story's text with a pull quote, and
  ending in a newsletter's box and its author's box), a div soup with teaser lists, hidden
  schema.org microdata that says the story again and a stream of other stories' cards in the
  story's container, and a body with subheadings and lists;
- an endless-scroll page that appends the next story, longer than its own, after it;
- a page laid out in tables, as news sites were until about 2010: the sections' links in a
  column, the story and its readers' comments in the next, the most read stories in a third,
  a row of links below.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

from tests.golden.stories import STORIES, GoldenStory

CASES = Path(__file__).parent / "cases"
HOST = "https://gazette.example"


@dataclass(frozen=True)
class Variant:
    name: str
    # article | divs | sidebar (the story inside a sidebar never closed) | endless (the next
    # story appended whole after this one, as an endless-scroll page does) | tables
    layout: str = "article"
    jsonld: str = ""  # "" | full | block | teaser | wrong | meta-only
    feed: str = ""  # "" | full | teaser
    extra_dates: bool = False
    meta: bool = True  # article:published_time in the head


def _paragraph_html(line: str) -> str:
    if line.startswith("## "):
        return f"<h2>{escape(line[3:])}</h2>"
    if line.startswith("- "):
        return f"<li>{escape(line[2:])}</li>"
    return f"<p>{escape(line)}</p>"


def pull_quote(story: GoldenStory) -> str | None:
    """A sentence of an English story's second paragraph, set apart in large type further down
    (in the story's words: the text has it already)."""
    if story.language != "en" or len(story.body) < 4:
        return None
    sentence = story.body[1].split(". ")[0].rstrip(".") + "."
    return sentence if len(sentence.split()) >= 8 and sentence != story.body[1] else None


# A video player as a page holds it before its script runs: its dialogs, caption menu and
# countdown, in words.
VIDEO_PLAYER = (
    '<div class="video-js"><p>This is a modal window.</p><p>Beginning of dialog window. Escape '
    'will cancel and close the window.</p><ul class="vjs-menu"><li>subtitles off, selected</li>'
    "<li>captions settings, opens captions settings dialog</li></ul>"
    "<p>Next video starts in : 7</p></div>"
)


def body_html(story: GoldenStory, quoted: bool = False) -> str:
    """The story's body; list items grouped into one list; a pitch, an ad and a video player
    inside; with ``quoted``, a pull quote."""
    parts: list[str] = []
    in_list = False
    for index, line in enumerate(story.body):
        is_item = line.startswith("- ")
        if is_item and not in_list:
            parts.append("<ul>")
        if not is_item and in_list:
            parts.append("</ul>")
        in_list = is_item
        parts.append(_paragraph_html(line))
        if index == 1 and not is_item:
            parts.append(
                '<div class="newsletter-box"><p>Get our morning briefing in your inbox.</p>'
                '<form><input name="email"><button>Sign up</button></form></div>'
            )
        if index == 2 and not is_item:
            parts.append('<div class="ad-slot"><span>Advertisement</span></div>')
            parts.append(VIDEO_PLAYER)
        if index == 3 and not is_item and quoted and (quote := pull_quote(story)):
            parts.append(f'<blockquote class="pull-quote"><p>{escape(quote)}</p></blockquote>')
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


def jsonld(story: GoldenStory, variant: Variant, other: GoldenStory) -> str:
    if not variant.jsonld:
        return ""
    source = other if variant.jsonld == "wrong" else story
    node: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": source.title,
        "datePublished": source.published,
        "dateModified": source.published,
        "author": [{"@type": "Person", "name": name} for name in source.authors],
        "publisher": {"@type": "NewsMediaOrganization", "name": "The Gazette"},
        "inLanguage": source.language,
    }
    if variant.jsonld in ("full", "wrong"):
        node["articleBody"] = "\n\n".join(source.text.split("\n"))
    elif variant.jsonld == "block":
        node["articleBody"] = " ".join(source.text.split("\n"))
    elif variant.jsonld == "teaser":
        node["articleBody"] = " ".join(source.text.split()[:40]) + " …"
    data = json.dumps({"@graph": [node]}, ensure_ascii=False)
    return f'<script type="application/ld+json">{data}</script>'


def related(story: GoldenStory, others: list[GoldenStory], dated: bool) -> str:
    items = []
    for other in others:
        when = f' <time datetime="{other.published}">{other.published[:10]}</time>' if dated else ""
        items.append(f'<li><a href="/news/{other.slug}.html">{escape(other.title)}</a>{when}</li>')
    return f'<section class="related"><h3>More news</h3><ul>{"".join(items)}</ul></section>'


def stream(others: list[GoldenStory]) -> str:
    """Other stories' cards in the story's container, as a stream of news sets them: a linked
    headline and the first lines of the story."""
    cards = "".join(
        f'<div class="card"><h3><a href="/news/{other.slug}.html">{escape(other.title)}</a></h3>'
        f"<p>{escape(other.body[0][:160])}</p></div>"
        for other in others
    )
    return f'<div class="stream">{cards}</div>'


def author_box(story: GoldenStory) -> str:
    """What ends an English story's text: a newsletter's box, and the box that says who wrote
    it (its first author)."""
    if not story.authors or story.language != "en":
        return ""
    name = escape(story.authors[0])
    return (
        "<h3>Sign up for the Gazette newsletter</h3>"
        "<p>Get the harbour news in your inbox every morning, free</p>"
        f'<div class="box"><p>{name}</p><p>{name} is a reporter at The '
        "Gazette who has covered the harbour, its ferries and the city council since 2015.</p></div>"
    )


def readers_comments() -> str:
    """Readers' comments in the story's cell, as a 2008 page set them: a label, then each
    comment signed with its writer and time."""
    said = (
        "They should have done this years ago, the last boat was always far too early.",
        "Will the council pay for this or will it come out of our fares again?",
        "Good news for once. Well done to everyone who signed the petition.",
    )
    return "<p><b>Comments</b></p>" + "".join(
        f"<p>{words}</p><p>Posted by reader{n} on November 26, 2026 9:1{n} PM</p>"
        "<p>Report this comment</p>"
        for n, words in enumerate(said)
    )


def hidden_microdata(story: GoldenStory) -> str:
    """schema.org microdata for machines, hidden from readers: the headline, the dates, the
    publisher's logo and the whole story said again."""
    return (
        '<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">'
        f'<h1 itemprop="name">{escape(story.title)}</h1>'
        f'<div itemprop="datePublished">{story.published}</div>'
        '<div itemprop="publisher" itemscope><div itemprop="name">TheGazetteDe</div>'
        '<span itemprop="url">https://gazette.example/assets/logo.png</span></div>'
        f'<div itemprop="articleBody">{escape(" ".join(story.text.split()))}</div></div>'
    )


def page(story: GoldenStory, variant: Variant, others: list[GoldenStory]) -> str:
    byline = ", ".join(
        f'<a rel="author" href="/author/{n}/">{escape(n)}</a>' for n in story.authors
    )
    head_meta = (
        f'<meta property="article:published_time" content="{story.published}">'
        if variant.meta
        else ""
    )
    updated = (
        '<p class="updated">Updated: <time datetime="2026-11-26T10:00:00+00:00">26 Nov 2026</time></p>'
        if variant.extra_dates
        else ""
    )
    copyright_line = "<p>&copy; 1998&ndash;2026 The Gazette</p>" if variant.extra_dates else ""
    header = (
        f'<h1>{escape(story.title)}</h1><p class="byline">{byline} &middot; '
        f'<time datetime="{story.published}">{story.published[:10]}</time></p>{updated}'
        '<ul class="share"><li><a href="/share/fb">Share</a></li><li><a href="/share/x">Post</a></li></ul>'
    )
    if variant.layout == "divs":
        main = (
            f'<div class="wrap"><div class="col-left">{header}'
            f'<div class="txt">{body_html(story)}{hidden_microdata(story)}{stream(others)}</div></div>'
            f'<div class="col-right">{related(story, others, variant.extra_dates)}'
            '<div class="promo">Subscribe for 1 euro a month and read without limits.</div></div></div>'
        )
    elif variant.layout == "sidebar":  # a widget left open: the page's tree puts the story in it
        main = (
            '<aside class="sidebar"><div class="widget" id="nav_menu-6"><ul class="menu">'
            '<li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li></ul>'
            f'<div class="main-content"><article>{header}<div class="article-content">'
            f"{body_html(story)}</div></article>"
        )
    elif variant.layout == "tables":  # a page of about 2008: a table is its frame
        sections = "".join(
            f'<tr><td><a href="/{name.lower()}/">{name}</a></td></tr>'
            for name in ("News", "Business", "Sports", "Entertainment", "Technology", "Weather")
        )
        read = "".join(
            f'<tr><td><a href="/news/{other.slug}.html">{escape(other.title)}</a></td></tr>'
            for other in others
        )
        main = (
            '<table width="100%" border="0" cellpadding="0"><tr>'
            f'<td width="150" valign="top"><table>{sections}</table></td>'
            f'<td valign="top"><table><tr><td>{header}</td></tr><tr><td>'
            f"{body_html(story)}{readers_comments()}</td></tr></table></td>"
            f'<td width="200" valign="top"><table><tr><td><b>Most read</b></td></tr>{read}'
            "</table></td></tr><tr><td></td><td>"
            '<table><tr><td><a href="/contact/">Contact us</a></td><td>'
            '<a href="/advertise/">Advertise with us</a></td><td><a href="/rss/">RSS feeds</a>'
            "</td></tr></table></td><td></td></tr></table>"
        )
    elif variant.layout == "endless":
        following = max(others, key=lambda other: len(other.text))
        main = (
            f'<div id="main"><article><header>{header}</header>'
            f'<div class="article-body">{body_html(story)}</div></article>'
            f'<article><header><h1>{escape(following.title)}</h1><p class="byline">'
            f'<time datetime="{following.published}">{following.published[:10]}</time></p>'
            f'</header><div class="article-body">{body_html(following)}{body_html(following)}'
            "</div></article></div>"
        )
    else:
        main = (
            f'<main><article><header>{header}</header><div class="article-body">'
            f"{body_html(story, quoted=True)}{author_box(story)}</div></article>"
            f"{related(story, others, variant.extra_dates)}</main>"
        )
    return f"""<!DOCTYPE html>
<html lang="{story.language}"><head><meta charset="utf-8">
<title>{escape(story.title)} – The Gazette</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(story.title)}">
{head_meta}
{jsonld(story, variant, others[0])}
</head><body>
<header class="site"><a href="/">The Gazette</a><nav><a href="/news/">News</a> <a href="/sport/">Sport</a>
<a href="/culture/">Culture</a> <a href="/subscribe/">Subscribe</a></nav></header>
{main}
<section class="comments"><h3>Comments</h3><form><textarea name="c"></textarea>
<button>Post comment</button></form></section>
<footer class="site"><a href="/about/">About</a> <a href="/privacy/">Privacy</a>{copyright_line}</footer>
</body></html>
"""


def feed_entry(story: GoldenStory, variant: Variant) -> dict[str, object] | None:
    if not variant.feed:
        return None
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in story.text.split("\n"))
    content = paragraphs if variant.feed == "full" else f"<p>{escape(story.body[0][:120])}…</p>"
    return {"content": content, "published": story.published, "title": story.title}


ENGLISH_VARIANTS = [
    Variant("jsonld-full", jsonld="full"),
    Variant("jsonld-block-divs", layout="divs", jsonld="block"),
    Variant("no-jsonld"),
    Variant("no-jsonld-divs", layout="divs"),
    Variant("jsonld-teaser", jsonld="teaser"),
    Variant("jsonld-wrong", jsonld="wrong"),
    Variant("jsonld-wrong-divs", layout="divs", jsonld="wrong"),
    Variant("feed-full", feed="full"),
    Variant("feed-full-divs", layout="divs", feed="full"),
    Variant("feed-teaser", feed="teaser"),
    Variant("feed-teaser-divs", layout="divs", feed="teaser"),
    Variant("many-dates", extra_dates=True, jsonld="meta-only"),
    Variant("many-dates-divs", layout="divs", extra_dates=True),
    Variant("many-dates-no-meta", extra_dates=True, meta=False),
]


def cases() -> list[tuple[str, str, dict[str, object]]]:
    """``(name, html, spec)`` for every case."""
    english = [s for s in STORIES if s.language == "en"]
    others = [s for s in STORIES if s.language != "en"]
    built = []
    plan: list[tuple[GoldenStory, Variant]] = []
    for number, variant in enumerate(ENGLISH_VARIANTS * 2):
        plan.append((english[number % len(english)], variant))
    for number, story in enumerate(others):
        variant = [Variant("jsonld-full", jsonld="full"), Variant("no-jsonld-divs", layout="divs")][
            number % 2
        ]
        plan.append((story, variant))
        plan.append((story, Variant("feed-teaser", feed="teaser")))
    plan.append((english[1], Variant("sidebar-left-open", layout="sidebar", jsonld="meta-only")))
    # a brief: an endless page's next story is longer than the page's own
    brief = replace(english[2], body=english[2].body[:3])
    plan.append((brief, Variant("endless-next-story", layout="endless")))
    for story in (english[0], others[0]):
        plan.append((story, Variant("tables", layout="tables", jsonld="meta-only")))
    for number, (story, variant) in enumerate(plan, 1):
        pool = [s for s in STORIES if s.slug != story.slug]
        neighbours = [pool[(number + k) % len(pool)] for k in range(4)]
        name = f"{number:02d}-{story.slug}-{variant.name}"
        spec = {
            "input": {
                "url": f"{HOST}/news/{story.slug}.html",
                "content_type": "text/html; charset=utf-8",
                "feed": feed_entry(story, variant),
            },
            "expected": {
                "title": story.title,
                "authors": list(story.authors),
                "published": story.published,
                "language": story.language,
                "text": story.text,
            },
        }
        built.append((name, page(story, variant, neighbours), spec))
    return built


def main() -> None:
    CASES.mkdir(exist_ok=True)
    for old in CASES.glob("*"):
        old.unlink()
    for name, html, spec in cases():
        (CASES / f"{name}.html").write_text(html, encoding="utf-8")
        (CASES / f"{name}.json").write_text(
            json.dumps(spec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"{len(cases())} cases in {CASES}")


if __name__ == "__main__":
    main()
