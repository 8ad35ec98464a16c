"""A news site with every kind of wall between a crawler and its articles, as they look in the
wild: the markup and headers are those the services serve (Cloudflare's challenge with
``cf-mitigated: challenge`` and ``window._cf_chl_opt``, its "Sorry, you have been blocked" page
with a Ray ID; Akamai's "Access Denied ... Reference #" with entity-encoded URLs; Imperva's
incident page; DataDome's captcha-delivery page with ``x-dd-b``; HUMAN's "Press & Hold"; Sucuri's
firewall page; AWS WAF's 202 challenge; DDoS-Guard's page), consent and login walls, a
JavaScript-only shell, a soft 404 and plain 401, 403 and 451 answers.

``build_walled_site(walls=True)`` gives the site and, per wall path, the kind it must be
counted as; with ``walls=False`` the same paths serve the articles (the walls lifted).
"""

from __future__ import annotations

import json
from email.utils import format_datetime

from crawler.demo.site import HOST_PLACEHOLDER, Resource, Site, article_page, build_site
from crawler.demo.stories import Story, make_stories

HTML = "text/html; charset=utf-8"

CLOUDFLARE_CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1"><style>*{box-sizing:border-box;margin:0;padding:0}</style>
</head><body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">www.example.com</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2><noscript><div id="challenge-error-title">
<div class="h2"><span class="icon-wrapper"><div class="heading-icon warning-icon"></div></span><span id="challenge-error-text">
Enable JavaScript and cookies to continue</span></div></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "www.example.com",cType: 'managed',cNounce: '41302',cRay: '8a1c2f3e4d5b6a7c',
cHash: 'f1e2d3c4b5a69788',cFPWv: 'g'};var cpo=document.createElement('script');cpo.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1c2f3e4d5b6a7c';
document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>"""

CLOUDFLARE_BLOCKED = """<!DOCTYPE html><!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<head><title>Attention Required! | Cloudflare</title><meta charset="UTF-8" /></head><body>
<div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper"><div class="cf-wrapper cf-header cf-error-overview">
<h1 data-translate="block_headline">Sorry, you have been blocked</h1><h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> example.com</h2>
</div><div class="cf-section cf-wrapper"><h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>
<p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks.</p></div>
<div class="cf-error-footer cf-wrapper"><p><span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">8a1c2f3e4d5b6a7d</strong></span>
<span class="cf-footer-item">Performance &amp; security by Cloudflare</span></p></div></div></div></body></html>"""

AKAMAI = """<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>

You don't have permission to access "http&#58;&#47;&#47;www&#46;example&#46;com&#47;news&#47;" on this server.<P>
Reference&#32;&#35;18&#46;2f3c1402&#46;1733300000&#46;6b1c2d3
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;2f3c1402&#46;1733300000&#46;6b1c2d3</P>
</BODY>
</HTML>
"""

IMPERVA = """<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW">
<meta name="format-detection" content="telephone=no"><meta name="viewport" content="initial-scale=1.0">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1"></head><body style="margin:0px;height:100%">
<iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=23&xinfo=5-12345678-0%200NNN%20RT%281733300000%20123%29&incident_id=123000450012345678-987654321012345678&edet=12&cinfo=04000000&rpinfo=0&mth=GET"
frameborder=0 width="100%" height="100%" marginheight="0px" marginwidth="0px">Request unsuccessful. Incapsula incident ID: 123000450012345678-987654321012345678</iframe></body></html>"""

DATADOME = """<html lang="en"><head><title>example.com</title><style>#cmsg{animation: A 1.5s;}@keyframes A{0%{opacity:0;}99%{opacity:0;}100%{opacity:1;}}</style></head>
<body style="margin:0"><p id="cmsg">Please enable JS and disable any ad blocker</p>
<script data-cfasync="false">var dd={'rt':'c','cid':'AHrlqAAAAAMAsB0jkXuFQ9gAcnBBfw==','hsh':'2211F522B61E269B869FA6EAFFB5E1','t':'bv','s':45123,'e':'8c2d','host':'geo.captcha-delivery.com','cookie':'Tz1Q3a~Pv'}</script>
<script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script></body></html>"""

PERIMETERX = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Access to this page has been denied</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<section class="container"><div class="page-title-wrapper"><div class="page-title"><h1>Before we continue...</h1></div></div>
<div class="content-wrapper"><div class="content"><p>Press &amp; Hold to confirm you are<br>a human (and not a bot).</p>
<div id="px-captcha"></div></div></div></section>
<script>window._pxAppId='PXa1b2c3d4';window._pxJsClientSrc='/a1b2c3d4/init.js';window._pxHostUrl='/a1b2c3d4/xhr';</script>
<script src="https://captcha.px-cdn.net/PXa1b2c3d4/captcha.js?a=c&m=0"></script></body></html>"""

SUCURI = """<!DOCTYPE html><html lang="en"><head><title>Sucuri WebSite Firewall - Access Denied</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>
<div id="main-container"><h2>Access Denied - Sucuri Website Firewall</h2>
<table><tr><td>Your IP:</td><td>192.0.2.7</td></tr><tr><td>URL:</td><td>www.example.com/news/</td></tr>
<tr><td>Block ID:</td><td>BNP005</td></tr><tr><td>Block reason:</td><td>Bad bot access attempt.</td></tr></table>
<p>If you are the site owner, please <a href="mailto:cloudproxy@sucuri.net">contact us</a>.</p></div></body></html>"""

AWS_WAF = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title></title><script type="text/javascript">window.awsWafCookieDomainList = [];window.gokuProps = {"key":"AQIDAHjcYu","iv":"D549xQFcJ","context":"rWwk"};</script>
<script src="https://3b7f2ce6a1e2.edge.sdk.awswaf.com/3b7f2ce6a1e2/a1b2c3d4e5f6/challenge.js"></script></head>
<body><div id="challenge-container"></div><script type="text/javascript">AwsWafIntegration.saveReferrer();
AwsWafIntegration.checkForceRefresh().then((forceRefresh) => {if (forceRefresh) {AwsWafIntegration.forceRefreshToken().then(() => {window.location.reload(true);});}
else {AwsWafIntegration.getToken().then(() => {window.location.reload(true);});}});</script>
<noscript><h1>JavaScript is disabled</h1>In order to continue, we need to verify that you're not a robot.</noscript></body></html>"""

DDOS_GUARD = """<!doctype html><html><head><title>DDoS-Guard</title><meta charset="utf-8"></head><body>
<div class="ddg-captcha"><h1>Checking your browser before accessing</h1><p>This process is automatic.</p>
<script src="/.well-known/ddos-guard/check?context=free_splash"></script></div></body></html>"""

CONSENT_FORM = """<!DOCTYPE html><html lang="en"><head><title>The Harbour Gazette</title>
<script src="https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js"></script></head>
<body><div id="sp_message_container_123456" class="message-container"><div class="message">
<h2>We value your privacy</h2><p>We and our 842 partners store and access information on your device, such as cookies,
and process personal data for personalised advertising and content. You may accept all, or manage your choices and
withdraw consent at any time in our privacy policy.</p>
<form method="post" action="/consent"><button name="choice" value="accept">Accept all</button>
<button name="choice" value="reject">Reject all</button><a href="/privacy-settings">Manage options</a></form></div></div></body></html>"""

LOGIN_FORM = """<!DOCTYPE html><html lang="en"><head><title>Sign in | The Harbour Gazette</title></head><body>
<header><a href="/">The Harbour Gazette</a></header><main><h1>Sign in to continue reading</h1>
<form method="post" action="/account/session"><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><button type="submit">Sign in</button></form>
<p>No account yet? <a href="/subscribe">Subscribe for 1 EUR a month</a>.</p></main></body></html>"""

JS_SHELL = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Harbour Gazette</title>
<link rel="stylesheet" href="/static/css/main.3f1c2a.css"><script defer src="/static/js/main.8b2d4e.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>"""

SOFT_404 = """<!DOCTYPE html><html lang="en"><head><title>Page not found | The Harbour Gazette</title></head><body>
<header><nav><a href="/">Home</a> <a href="/section/politics/">Politics</a> <a href="/section/sport/">Sport</a></nav></header>
<main><h1>Sorry, we couldn't find that page</h1><p>The page you were looking for may have moved. Try our search or
return to the home page.</p><form action="/search"><input name="q"><button>Search</button></form></main>
<footer>&copy; The Harbour Gazette</footer></body></html>"""

PLAIN_403 = "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"
PLAIN_401 = (
    "<html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1></body></html>"
)
PLAIN_451 = (
    "<html><head><title>Unavailable For Legal Reasons</title></head><body><h1>451</h1>"
    "<p>This content is not available in your country.</p></body></html>"
)

# path -> (kind, status, headers, body)
WALLS: dict[str, tuple[str, int, dict[str, str], str]] = {
    "/walls/cloudflare-challenge.html": ("challenge", 403, {"cf-mitigated": "challenge", "Server": "cloudflare", "CF-RAY": "8a1c2f3e4d5b6a7c-FRA"}, CLOUDFLARE_CHALLENGE),
    "/walls/cloudflare-blocked.html": ("challenge", 403, {"Server": "cloudflare", "CF-RAY": "8a1c2f3e4d5b6a7d-FRA"}, CLOUDFLARE_BLOCKED),
    "/walls/akamai.html": ("challenge", 403, {"Server": "AkamaiGHost", "Mime-Version": "1.0"}, AKAMAI),
    "/walls/imperva.html": ("challenge", 200, {"X-CDN": "Imperva", "X-Iinfo": "5-12345678-0 0NNN RT(1733300000 123)"}, IMPERVA),
    "/walls/datadome.html": ("challenge", 403, {"X-DataDome": "protected", "X-DD-B": "1", "X-DataDome-CID": "AHrlqAAAAAMA"}, DATADOME),
    "/walls/perimeterx.html": ("challenge", 403, {}, PERIMETERX),
    "/walls/sucuri.html": ("challenge", 403, {"X-Sucuri-ID": "11005", "X-Sucuri-Block": "BNP005", "Server": "Sucuri/Cloudproxy"}, SUCURI),
    "/walls/aws-waf.html": ("challenge", 202, {"x-amzn-waf-action": "challenge"}, AWS_WAF),
    "/walls/ddos-guard.html": ("challenge", 403, {"Server": "ddos-guard"}, DDOS_GUARD),
    "/walls/consent-form.html": ("consent", 200, {}, CONSENT_FORM),
    "/walls/login-form.html": ("login", 200, {}, LOGIN_FORM),
    "/walls/js-shell.html": ("javascript", 200, {}, JS_SHELL),
    "/walls/soft-404.html": ("soft_404", 200, {}, SOFT_404),
    "/walls/http-401.html": ("http_401", 401, {"WWW-Authenticate": 'Basic realm="subscribers"'}, PLAIN_401),
    "/walls/http-403.html": ("http_403", 403, {}, PLAIN_403),
    "/walls/http-451.html": ("http_451", 451, {}, PLAIN_451),
    # A redirect to a consent host (never followed: the refusal comes before the request).
    "/walls/consent-redirect.html": ("consent", 302, {"Location": "https://consent.example.org/ml?continue=http://www.example.org/"}, ""),
    # A redirect to the site's login page, which is a login form.
    "/walls/login-redirect.html": ("login", 302, {"Location": "/account/login?return=/walls/login-redirect.html"}, ""),
}  # fmt: skip


def build_walled_site(walls: bool = True) -> tuple[Site, dict[str, str]]:
    """The sample site's stories in a feed, a wall for each kind among them, and two paywalled
    stories (one whole, one cut short). Returns the site and the kind each wall path is."""
    site = build_site(story_count=6)
    stories = make_stories(len(WALLS) + 4, seed=91)
    entries: list[tuple[str, Story]] = [(s.path, s) for s in site.stories]
    for (path, (_, status, headers, body)), story in zip(WALLS.items(), stories, strict=False):
        if walls:
            site.resources[path] = Resource(body.encode(), HTML, status, headers)
        else:
            site.resources[path] = Resource(article_page(story).encode(), HTML)
        entries.append((path, story))
    site.resources["/account/login"] = Resource(LOGIN_FORM.encode(), HTML)
    whole, cut, boxed, gone = stories[-4:]
    site.resources["/premium/whole.html"] = Resource(paywalled(whole, cut_short=False), HTML)
    site.resources["/premium/cut.html"] = Resource(paywalled(cut, cut_short=True), HTML)
    site.resources["/premium/boxed.html"] = Resource(paywall_box(boxed), HTML)
    # Nothing of the story left on the page but its headline and byline: no article, a paywall.
    gone = Story(**{**vars(gone), "lead": "", "paragraphs": []})
    page = paywalled(gone, cut_short=True).replace(
        b'og:type" content="article"', b'og:type" content="website"'
    )
    site.resources["/premium/gone.html"] = Resource(page, HTML)
    entries += [("/premium/whole.html", whole), ("/premium/cut.html", cut),
                ("/premium/boxed.html", boxed), ("/premium/gone.html", gone)]  # fmt: skip
    site.resources["/walled.xml"] = Resource(rss(entries).encode(), "application/rss+xml")
    return site, {path: spec[0] for path, spec in WALLS.items()}


def paywalled(story: Story, cut_short: bool) -> bytes:
    """A story marked up as Google asks of paywalled news: ``isAccessibleForFree: false`` and
    the part behind the wall named; cut short, only its first paragraph is on the page."""
    if cut_short:
        story = Story(**{**vars(story), "paragraphs": story.paragraphs[:1]})
    page = article_page(story)
    node = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
        "isAccessibleForFree": "False",
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False",
                    "cssSelector": ".paywall"},
    }  # fmt: skip
    script = f'<script type="application/ld+json">{json.dumps(node)}</script>'
    return page.replace("</head>", f"{script}</head>", 1).encode()


def paywall_box(story: Story) -> bytes:
    """A story that does not say it is paywalled but shows it: its first paragraph, then the
    box where the rest would be."""
    story = Story(**{**vars(story), "paragraphs": story.paragraphs[:1]})
    box = ('<div class="article-paywall"><h3>This article is for subscribers only</h3>'
           '<p>Already a subscriber? <a href="/login">Log in</a></p></div>')  # fmt: skip
    return article_page(story).replace("</article>", f"{box}</article>", 1).encode()


def rss(entries: list[tuple[str, Story]]) -> str:
    items = "".join(
        f"<item><title>{story.title}</title><link>{HOST_PLACEHOLDER}{path}</link>"
        f"<guid>{HOST_PLACEHOLDER}{path}</guid><pubDate>{format_datetime(story.published)}</pubDate></item>"
        for path, story in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Harbour Gazette</title><link>{HOST_PLACEHOLDER}/</link>{items}</channel></rss>"
    )
