"""The sample news site: article pages wrapped in the clutter real news pages carry, feeds in
three formats, a video page with no article, legacy-charset pages, robots.txt.

``build_site`` returns every resource in memory; ``write_site`` puts them in a folder that
``crawler.demo.server`` serves.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from crawler.demo.duplicates import edit
from crawler.demo.stories import Story, make_stories

SITE_NAME = "The Harbour Gazette"
HOST_PLACEHOLDER = "http://__HOST__"
# Another host name for the same server (localhost instead of 127.0.0.1): links a crawl that
# stays on its site must never follow.
OTHER_HOST_PLACEHOLDER = "http://__OTHERHOST__"
SECTIONS = ["politics", "business", "science", "sport"]

# Boilerplate that must never reach an article's text. Tests check each phrase.
BOILERPLATE = [
    "Join our WhatsApp channel",
    "Subscribe now for 1 euro",
    "Share on Facebook",
    "Advertisement",
    "Post your comment",
    "Related stories",
    "All rights reserved",
    "This commenter thinks",
]


@dataclass
class Resource:
    """One response of the site."""

    body: bytes
    content_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    gzipped: bool = False  # gzip the body when serving (after the host is filled in)


@dataclass(kw_only=True)
class Site:
    """A built site: resources by path, and the stories it publishes."""

    resources: dict[str, Resource]
    stories: list[Story]
    # Feed path -> paths of the articles it lists (pages without an article left out).
    feeds: dict[str, list[str]] = field(default_factory=dict)
    # Path of a page that repeats a story under another URL -> the story's path.
    aliases: dict[str, str] = field(default_factory=dict)

    @property
    def feed_paths(self) -> list[str]:
        """Every article path that some feed lists."""
        return sorted({path for paths in self.feeds.values() for path in paths})


def article_page(story: Story, *, charset: str = "utf-8", declare: bool = True) -> str:
    """A full article page: navigation, ads, share buttons, pitches, related links, comments."""
    nav = "".join(f'<li><a href="/section/{s}/">{s.title()}</a></li>' for s in SECTIONS)
    authors = " and ".join(
        f'<a rel="author" href="/author/{a.lower().replace(" ", "-").replace(chr(39), "")}/">'
        f"{escape(a)}</a>"
        for a in story.authors
    )
    body = []
    for index, paragraph in enumerate(story.paragraphs):
        body.append(f"<p>{escape(paragraph)}</p>")
        if index == 1:
            body.append(
                '<aside class="newsletter-signup"><h3>Stay informed</h3>'
                "<p>Join our WhatsApp channel and get the day's top stories every morning.</p>"
                '<a class="button" href="/newsletter/">Sign me up</a></aside>'
            )
        if index == 3:
            body.append(
                '<div class="paywall-pitch"><p>You have read 3 of 5 free articles this month. '
                "Subscribe now for 1 euro a week and support local journalism.</p>"
                '<a href="/subscribe/">Subscribe</a></div>'
            )
    tags = "".join(f'<li><a href="/tag/{t.lower()}/" rel="tag">{t}</a></li>' for t in story.tags)
    meta_charset = f'<meta charset="{charset}">' if declare else ""
    iso = story.published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="{story.language}">
<head>
{meta_charset}
<title>{escape(story.title)} | {SITE_NAME}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{escape(story.lead)}">
<meta name="author" content="{escape(", ".join(story.authors))}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(story.title)}">
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:image" content="/img/{story.slug}.jpg">
<meta property="article:published_time" content="{iso}">
{"".join(f'<meta property="article:tag" content="{t}">' for t in story.tags)}
<link rel="canonical" href="{story.path}">
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
<link rel="stylesheet" href="/static/site.css">
</head>
<body class="article-page">
<div class="top-bar"><a href="/subscribe/">Subscribe</a> <a href="/login/">Log in</a></div>
<header class="masthead"><a class="logo" href="/">{SITE_NAME}</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li>{nav}</ul></nav>
<form class="search" action="/search/"><input name="q" placeholder="Search"></form>
</header>
<div class="ad ad-leaderboard" id="ad-top"><span>Advertisement</span>
<a href="https://ads.example.com/click?id=1"><img src="/ads/banner.gif" alt="Buy now"></a></div>
<main id="content">
<nav class="breadcrumbs"><a href="/">Home</a> &rsaquo;
<a href="/section/{story.section}/">{story.section.title()}</a></nav>
<article class="story">
<header class="story-header">
<h1 class="headline">{escape(story.title)}</h1>
<p class="byline">By {authors} &middot;
<time datetime="{iso}" class="published">{story.published:%d %B %Y, %H:%M}</time></p>
<ul class="share-buttons">
<li><a href="https://share.example.com/facebook?u={story.path}">Share on Facebook</a></li>
<li><a href="https://share.example.com/x?u={story.path}">Share on X</a></li>
<li><a href="mailto:?subject={escape(story.title)}">Email</a></li>
</ul>
</header>
<figure class="lead-image"><img src="/img/{story.slug}.jpg" alt="">
<figcaption>Photo: Gazette archive</figcaption></figure>
<div class="story-body">
{"".join(body)}
</div>
<footer class="story-footer"><ul class="tags">{tags}</ul></footer>
</article>
<aside class="ad ad-sidebar"><span>Advertisement</span>
<p>Holiday homes by the sea: book today.</p></aside>
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/section/{story.section}/">More from {story.section.title()}</a></li>
<li><a href="/">Today's front page</a></li></ul></section>
<section class="comments" id="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="comment-author">harbour_fan</p>
<p>This commenter thinks the council should have decided years ago.</p></div>
<div class="comment"><p class="comment-author">old_sailor</p>
<p>This commenter thinks nobody asked the fishermen.</p></div>
<form class="comment-form" method="post" action="/comments/"><h3>Post your comment</h3>
<textarea name="comment"></textarea><input name="name" placeholder="Name">
<button type="submit">Post your comment</button></form>
</section>
</main>
<footer class="site-footer"><ul><li><a href="/about/">About us</a></li>
<li><a href="/contact/">Contact</a></li><li><a href="/privacy/">Privacy</a></li></ul>
<p>&copy; 2026 {SITE_NAME}. All rights reserved.</p></footer>
</body>
</html>
"""


def wire_copy(story: Story) -> Story:
    """A wire service's edit of a story: new headline, byline, one word in twenty changed."""
    rng = random.Random(story.slug)
    paragraphs = edit(story.paragraphs, 5, rng)
    return Story(
        slug=story.slug,
        section="wire",
        title=f"{story.title}, officials say",
        lead=story.lead,
        paragraphs=[f"By Harbour Wire staff, {story.published:%d %B}", *paragraphs],
        authors=["Harbour Wire"],
        published=story.published,
        tags=["Wire"],
    )


def wire_page(story: Story) -> str:
    """Another site's template: a plain page with the story and a wire credit."""
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(story.title)} - Wire</title><meta property="og:type" content="article">
<meta property="article:published_time" content="{story.published.isoformat()}"></head>
<body><div id="top"><a href="/">Wire home</a></div><div id="story"><h1>{escape(story.title)}</h1>
{body}<p class="credit">Distributed by Harbour Wire. Republishing rights apply.</p></div>
<div id="foot">Wire service pages. All rights reserved.</div></body></html>"""


def video_page() -> str:
    """A page with a video and a caption: no article text."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Video: sunrise over the harbour | {SITE_NAME}</title>
<meta property="og:type" content="video.other"></head>
<body><header><a href="/">{SITE_NAME}</a></header>
<main><h1>Video: sunrise over the harbour</h1>
<video src="/media/sunrise.mp4" controls></video><p>Watch: 40 seconds.</p></main>
<footer>&copy; 2026 {SITE_NAME}. All rights reserved.</footer></body></html>"""


def legacy_stories() -> list[Story]:
    """Two stories served in legacy charsets: Russian in cp1251, German in ISO-8859-1."""
    russian = Story(
        slug="port-modernizaciya",
        section="business",
        title="Порт объявил о модернизации северного терминала",
        lead="Администрация порта представила план модернизации.",
        paragraphs=[
            "Администрация порта во вторник представила план модернизации северного терминала."
            " Работы начнутся весной и продлятся около двух лет.",
            "По словам директора, новые краны позволят обрабатывать вдвое больше контейнеров,"
            " а очереди грузовиков у ворот заметно сократятся.",
            "Жители прибрежных районов попросили учесть шум и движение тяжёлой техники."
            " Городской совет обещал провести общественные слушания уже в декабре.",
            "Эксперты считают, что проект окупится за семь лет, если объём перевалки"
            " продолжит расти нынешними темпами.",
        ],
        authors=["Ирина Соколова"],
        published=datetime(2026, 11, 18, 8, 0, tzinfo=UTC),
        tags=["Business"],
        language="ru",
    )
    german = Story(
        slug="faehre-fahrplan",
        section="politics",
        title="Neuer Fährplan: Öfter über die Förde",
        lead="Die Fähren fahren ab Dezember häufiger.",
        paragraphs=[
            "Ab Dezember fahren die Fähren über die Förde im Zwanzig-Minuten-Takt."
            " Das hat der Verkehrsausschuss am Montag beschlossen.",
            "Für Pendler bedeutet das kürzere Wartezeiten, besonders früh am Morgen."
            " Die Stadtwerke setzen dafür zwei zusätzliche Schiffe ein.",
            "Kritik kam von der Opposition: Die Mehrkosten von rund 1,2 Millionen Euro"
            " seien im Haushalt nicht ausreichend gedeckt, hieß es.",
            "Bürgerinnen und Bürger können den neuen Fahrplan ab sofort im Rathaus einsehen.",
        ],
        authors=["Jörg Müller"],
        published=datetime(2026, 11, 17, 7, 15, tzinfo=UTC),
        tags=["Politics"],
        language="de",
    )
    return [russian, german]


def build_site(
    base_url: str = HOST_PLACEHOLDER,
    story_count: int = 12,
    *,
    feeds: bool = True,
    sitemaps: bool = False,
    listings: bool = False,
    disallow: str | None = None,
    unpublished: int = 0,
    syndicated: bool = False,
) -> Site:
    """The sample site.

    ``feeds``: RSS, Atom and JSON feeds that overlap (every story in at least one).
    ``sitemaps``: robots.txt names a sitemap index (listing itself, a loop) of two gzipped
    children, one of them sent with ``Content-Encoding: gzip``, and a Google News sitemap.
    ``listings``: section pages in pages of four, tag, author, about and contact pages, and
    links to another host (``localhost`` instead of ``127.0.0.1``).
    ``disallow``: a path prefix robots.txt forbids.
    ``unpublished``: the newest stories not yet published (the site of an earlier hour).
    ``syndicated``: ``/wire.xml`` lists a wire service's copies of the first four stories
    (``/wire/...``: a new headline, a byline, 5% of the words edited, another template).
    """
    stories = make_stories(story_count)[unpublished:]
    russian, german = legacy_stories()
    res: dict[str, Resource] = {}
    for story in stories:
        res[story.path] = _html(article_page(story))
    # cp1251 with neither header nor <meta>: only the bytes tell.
    res[russian.path] = Resource(article_page(russian, declare=False).encode("cp1251"), "text/html")
    # ISO-8859-1 declared in <meta> only.
    res[german.path] = Resource(
        article_page(german, charset="iso-8859-1").encode("iso-8859-1"), "text/html"
    )
    everything = [*stories, russian, german]
    feed_map: dict[str, list[str]] = {}
    robots = ["User-agent: *", "Disallow: /search/"]
    if disallow:
        robots.append(f"Disallow: {disallow}")
    if feeds:
        res["/video/sunrise.html"] = _html(video_page())
        half = len(stories) // 2
        # RSS: first two thirds plus the legacy pages and the video; Atom: from the middle on;
        # JSON Feed: every third story. Together: every story, several in more than one feed.
        rss_items = [*stories[: 2 * len(stories) // 3], russian, german]
        atom_items = stories[half:]
        json_items = stories[::3]
        res["/feed.xml"] = Resource(
            rss_feed(rss_items, base_url, extra_video=True).encode(), "application/rss+xml"
        )
        res["/atom.xml"] = Resource(
            atom_feed(atom_items, base_url).encode(), "application/atom+xml"
        )
        # Two duplicates that only the pipelines can catch: a tracking-parameter URL of a
        # story (its page names its canonical URL) and a mirror page without a canonical URL.
        mirror = stories[1]
        res[f"/mirror/{mirror.slug}.html"] = _html(
            article_page(mirror).replace(f'<link rel="canonical" href="{mirror.path}">', "")
        )
        extras = [
            {"id": "tracked", "url": f"{base_url}{stories[0].path}?utm_source=jsonfeed"},
            {"id": "mirror", "url": f"{base_url}/mirror/{mirror.slug}.html"},
        ]
        res["/feed.json"] = Resource(
            json_feed(json_items, base_url, extras).encode(), "application/feed+json"
        )
        feed_map = {
            "/feed.xml": [s.path for s in rss_items],
            "/atom.xml": [s.path for s in atom_items],
            "/feed.json": [s.path for s in json_items],
        }
    if sitemaps:
        res.update(sitemap_resources(everything, base_url))
        robots.append(f"Sitemap: {base_url}/sitemap_index.xml")
    if listings:
        res.update(listing_pages(everything))
    if syndicated:
        copies = [wire_copy(story) for story in stories[:4]]
        for copy in copies:
            res[copy.path] = _html(wire_page(copy))
        res["/wire.xml"] = Resource(rss_feed(copies, base_url).encode(), "application/rss+xml")
        feed_map["/wire.xml"] = [c.path for c in copies]
    res["/robots.txt"] = Resource(("\n".join(robots) + "\n").encode(), "text/plain")
    res["/"] = _html(home_page(everything, feeds=feeds, listings=listings))
    aliases = {f"/mirror/{stories[1].slug}.html": stories[1].path} if feeds else {}
    return Site(resources=res, stories=everything, feeds=feed_map, aliases=aliases)


def sitemap_resources(stories: list[Story], base: str) -> dict[str, Resource]:
    """A sitemap index (that lists itself) of two gzipped urlsets and a Google News sitemap."""
    newest, older = stories[:4], stories[4:]
    news = "".join(
        f"<url><loc>{base}{s.path}</loc><news:news><news:publication>"
        f"<news:name>{SITE_NAME}</news:name><news:language>{s.language}</news:language>"
        f"</news:publication><news:publication_date>{s.published.isoformat()}"
        f"</news:publication_date><news:title>{xml_escape(s.title)}</news:title>"
        f"<news:keywords>{', '.join(s.tags)}</news:keywords></news:news></url>"
        for s in newest
    )
    news_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + news + "</urlset>"
    )
    halves = [older[: len(older) // 2], older[len(older) // 2 :]]
    urlsets = [
        (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(
                f"<url><loc>{base}{s.path}</loc><lastmod>{s.published.date().isoformat()}</lastmod></url>"
                for s in half
            )
            + "</urlset>"
        )
        for half in halves
    ]
    children = [
        "/sitemap_index.xml",
        "/sitemaps/news.xml",
        "/sitemaps/a.xml.gz",
        "/sitemaps/b.xml.gz",
    ]
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{base}{path}</loc></sitemap>" for path in children)
        + "</sitemapindex>"
    )
    return {
        "/sitemap_index.xml": Resource(index.encode(), "application/xml"),
        "/sitemaps/news.xml": Resource(news_xml.encode(), "application/xml"),
        "/sitemaps/a.xml.gz": Resource(urlsets[0].encode(), "application/gzip", gzipped=True),
        # Sent with Content-Encoding: gzip, so the client has it unpacked already.
        "/sitemaps/b.xml.gz": Resource(
            urlsets[1].encode(),
            "application/xml",
            headers={"Content-Encoding": "gzip"},
            gzipped=True,
        ),
    }


def listing_pages(stories: list[Story]) -> dict[str, Resource]:
    """Section pages (four teasers a page, paginated), tag and author pages, about and
    contact pages; every page also links to another host."""
    pages: dict[str, Resource] = {}
    for section in SECTIONS:
        members = [s for s in stories if s.section == section]
        chunks = [members[i : i + 4] for i in range(0, len(members), 4)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            path = f"/section/{section}/" + (f"page/{number}/" if number > 1 else "")
            more = (
                f'<a class="next" href="/section/{section}/page/{number + 1}/">Next page</a>'
                if number < len(chunks)
                else ""
            )
            pages[path] = _html(listing_page(f"{section.title()}", chunk, more))
    tags = sorted({t for s in stories for t in s.tags})
    for tag in tags:
        tagged = [s for s in stories if tag in s.tags]
        pages[f"/tag/{tag.lower()}/"] = _html(listing_page(f"Tag: {tag}", tagged, ""))
    authors = sorted({a for s in stories for a in s.authors})
    for author in authors:
        slug = author.lower().replace(" ", "-").replace("'", "")
        written = [s for s in stories if author in s.authors]
        pages[f"/author/{slug}/"] = _html(listing_page(f"Articles by {author}", written, ""))
    about = "<p>" + "The Harbour Gazette has reported on the city and its port since 1921. " * 5
    pages["/about/"] = _html(listing_page("About us", [], about + "</p>"))
    pages["/contact/"] = _html(listing_page("Contact", [], "<p>Write to the newsroom.</p>"))
    return pages


def listing_page(heading: str, stories: list[Story], extra: str) -> str:
    teasers = "".join(
        f'<li class="teaser"><h2><a href="{s.path}">{escape(s.title)}</a></h2>'
        f"<p>{escape(s.paragraphs[0])}</p></li>"
        for s in stories
    )
    nav = "".join(f'<a href="/section/{s}/">{s.title()}</a> ' for s in SECTIONS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(heading)} | {SITE_NAME}</title></head>
<body><header><a href="/">{SITE_NAME}</a><nav>{nav}<a href="/about/">About</a>
<a href="/contact/">Contact</a></nav></header>
<main><h1>{escape(heading)}</h1><ul class="teasers">{teasers}</ul>{extra}</main>
<aside><a href="{OTHER_HOST_PLACEHOLDER}/elsewhere.html">Our partner site</a></aside>
<footer>&copy; 2026 {SITE_NAME}. All rights reserved.</footer></body></html>"""


def home_page(stories: list[Story], *, feeds: bool = True, listings: bool = False) -> str:
    """The front page: the newest stories, or (with listings) only links to the sections."""
    shown = stories[:3] if listings else stories
    teasers = "".join(
        f'<li class="teaser"><a href="{s.path}">{escape(s.title)}</a><p>{escape(s.lead)}</p></li>'
        for s in shown
    )
    alternates = (
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        '<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
        '<link rel="alternate" type="application/feed+json" href="/feed.json">'
        if feeds
        else ""
    )
    nav = (
        "".join(f'<a href="/section/{s}/">{s.title()}</a> ' for s in SECTIONS)
        + f'<a href="/about/">About</a> <a href="{OTHER_HOST_PLACEHOLDER}/">Partner</a>'
        if listings
        else ""
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{SITE_NAME}</title>{alternates}</head>
<body><header><h1>{SITE_NAME}</h1><nav>{nav}</nav></header>
<main><ul>{teasers}</ul></main></body></html>"""


def rss_feed(stories: list[Story], base: str, *, extra_video: bool = False) -> str:
    items = []
    for s in stories:
        # Relative links: the feed's own URL is the base (RSS readers and we resolve them).
        categories = "".join(f"<category>{xml_escape(t)}</category>" for t in s.tags)
        creators = "".join(f"<dc:creator>{xml_escape(a)}</dc:creator>" for a in s.authors)
        items.append(
            f"<item><title>{xml_escape(s.title)}</title><link>{s.path}</link>"
            f'<guid isPermaLink="false">{s.slug}</guid>'
            f"<pubDate>{format_datetime(s.published)}</pubDate>{creators}{categories}"
            f"<description>{xml_escape(s.lead)}</description></item>"
        )
    if extra_video:
        items.append(
            "<item><title>Video: sunrise over the harbour</title><link>/video/sunrise.html</link>"
            "<pubDate>Fri, 20 Nov 2026 06:00:00 +0000</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{SITE_NAME}</title><link>{base}/</link><description>News</description>"
        f"{''.join(items)}</channel></rss>"
    )


def atom_feed(stories: list[Story], base: str) -> str:
    entries = "".join(
        f'<entry><title>{xml_escape(s.title)}</title><link rel="alternate" href="{base}{s.path}"/>'
        f"<id>tag:gazette,2026:{s.slug}</id><updated>{s.published.isoformat()}</updated>"
        f"<published>{s.published.isoformat()}</published>"
        + "".join(f"<author><name>{xml_escape(a)}</name></author>" for a in s.authors)
        + f"<summary>{xml_escape(s.lead)}</summary></entry>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{SITE_NAME}</title><id>{base}/</id><updated>2026-11-20T09:30:00Z</updated>"
        f"{entries}</feed>"
    )


def json_feed(stories: list[Story], base: str, extras: list[dict] | None = None) -> str:
    items = [
        {
            "id": s.slug,
            "url": f"{base}{s.path}",
            "title": s.title,
            "summary": s.lead,
            "date_published": s.published.isoformat(),
            "authors": [{"name": a} for a in s.authors],
            "tags": s.tags,
        }
        for s in stories
    ]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": SITE_NAME,
        "home_page_url": f"{base}/",
        "items": items + (extras or []),
    }
    return json.dumps(feed, ensure_ascii=False, indent=1)


def write_site(site: Site, folder: Path) -> None:
    """Write a site for ``crawler.demo.server``: files plus ``_routes.json`` (type, status)."""
    routes = {}
    for number, (path, resource) in enumerate(sorted(site.resources.items())):
        name = f"r{number:05d}"
        (folder / name).write_bytes(resource.body)
        routes[path] = {
            "file": name,
            "type": resource.content_type,
            "status": resource.status,
            "headers": resource.headers,
            "gzipped": resource.gzipped,
        }
    (folder / "_routes.json").write_text(json.dumps(routes, indent=1), encoding="utf-8")


def _html(text: str) -> Resource:
    return Resource(text.encode("utf-8"), "text/html; charset=utf-8")
