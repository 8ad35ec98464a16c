"""Recognising a refusal from a response's status, headers and markup.

Each rule looks for what the service itself puts on its pages and in its headers (the
Cloudflare challenge's ``cf-mitigated: challenge`` header and ``/cdn-cgi/challenge-platform/``
script, Akamai's "Reference #" line, Imperva's incident id, DataDome's captcha host, HUMAN's
"Press & Hold", ...), never the site's own words alone: a news page that quotes "Access Denied"
in a headline is still an article. Rules on a page's text (consent, login, JavaScript shell,
soft 404) also require that the page has little else to say.

Only the head of a body is read (``HEAD_BYTES``) for markers, and the visible text is measured
only when a marker asks for it, so a normal article page costs a few substring searches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, Response

HEAD_BYTES = 64 * 1024
TITLE_BYTES = 32 * 1024
SMALL_PAGE = 64 * 1024
TEXT_BYTES = 512 * 1024
LITTLE_TEXT = 1500  # characters of visible text: a wall, an error page, not an article


@dataclass(frozen=True)
class _Service:
    """What an anti-bot service's refusals carry. Some of its marks are on every page it
    serves, allowed ones too (Cloudflare's ``/cdn-cgi/challenge-platform/`` beacon on normal
    200 pages, Imperva's ``_Incapsula_Resource`` script): those count only on a response
    that is not a 200."""

    name: str
    headers: tuple[tuple[bytes, bytes], ...] = ()  # (header, substring of its value; b"" any)
    marks: tuple[bytes, ...] = ()  # in the body, whatever the status
    marks_unless_ok: tuple[bytes, ...] = ()  # in the body of a response that is not a 200
    headers_unless_ok: tuple[tuple[bytes, bytes], ...] = ()


_SERVICES = (
    _Service("cloudflare", headers=((b"cf-mitigated", b"challenge"),),
             marks=(b"window._cf_chl_opt", b"cf-browser-verification"),
             marks_unless_ok=(b"<title>just a moment...</title>", b"/cdn-cgi/challenge-platform/",
                              b"sorry, you have been blocked", b'id="cf-error-details"',
                              b"attention required! | cloudflare")),
    _Service("akamai", marks=(b"errors&#46;edgesuite&#46;net",),
             marks_unless_ok=(b"errors.edgesuite.net", b"reference&#32;&#35;")),
    _Service("imperva", marks=(b"incapsula incident id",),
             marks_unless_ok=(b"_incapsula_resource",)),
    _Service("datadome", headers=((b"x-dd-b", b""),), marks=(b"captcha-delivery.com",),
             marks_unless_ok=(b"datadome",)),
    _Service("perimeterx", marks=(b"px-captcha", b"captcha.px-cdn.net"),
             marks_unless_ok=(b"press &amp; hold", b"press & hold", b"_pxappid")),
    _Service("sucuri", headers=((b"x-sucuri-block", b""),),
             marks=(b"sucuri website firewall - access denied", b"sucuri_cloudproxy_js")),
    _Service("aws_waf", headers=((b"x-amzn-waf-action", b""),),
             marks_unless_ok=(b"awswafintegration", b"token.awswaf.com")),
    _Service("ddos_guard", marks=(b"<title>ddos-guard</title>",),
             marks_unless_ok=(b"ddos-guard",), headers_unless_ok=((b"server", b"ddos-guard"),)),
)  # fmt: skip
_CONSENT_HOSTS = ("consent.", "guce.", "privacy-mgmt.", "myprivacy.", "cmp.")
_CONSENT_MARKERS = (b"cookie", b"consent", b"privacy", b"datenschutz", b"zustimmen",
                    b"einwilligung", b"accepter", b"akzeptieren", b"agree")  # fmt: skip
# What only a consent notice says or is called (CMPs' containers); footers say "cookie" too.
_CONSENT_NOTICE = (b"accept all", b"alle akzeptieren", b"tout accepter", b"aceptar todo",
                   b"accetta tutti", b"we value your privacy", b"manage options",
                   b"sp_message_container", b"onetrust-banner", b"didomi-notice", b"qc-cmp2",
                   b"cmpbox", b"usercentrics")  # fmt: skip
_LOGIN_PATH = re.compile(
    r"/(login|log-in|signin|sign-in|sso|auth|account/login|anmelden|connexion|registrieren)\b",
    re.IGNORECASE,
)
# Read in the head, lower-cased: a pattern without IGNORECASE is searched by its first literal,
# not tried at every byte.
_PASSWORD = re.compile(rb"<input[^>]+type\s*=\s*[\"']?password")
_NEEDS_JS = re.compile(
    rb"<noscript[^>]*>[^<]*(?:<[^>]+>[^<]*){0,6}?(?:enable javascript|javascript is "
    rb"(?:required|disabled|needed)|requires javascript|javascript (?:aktivieren|einschalten)"
    rb"|activer javascript|habilita javascript)"
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.DOTALL)
_NOT_FOUND = re.compile(
    r"\b(?:page not found|not found|404|seite nicht gefunden|nicht gefunden|page introuvable"
    r"|página no encontrada|pagina non trovata|pagina niet gevonden|страница не найдена)\b",
    re.IGNORECASE,
)
# A page that declares itself an article (og:type, a JSON-LD Article node) is not a consent or
# login wall, whatever its scripts say about cookies: news pages carry their CMP's config.
_ARTICLE_MARKUP = re.compile(
    rb"og:type[\"']?\s+content=[\"']?article"
    rb"|\"@type\"\s*:\s*\[?\s*\"\w*(?:article|blogposting)\""
)
_INVISIBLE = re.compile(
    rb"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(rb"<[^>]*>")
_HTML_TYPES = (b"text/html", b"application/xhtml")


@dataclass(frozen=True)
class Refusal:
    """Why a response is not what was asked for: ``kind`` names the counter
    (``blocked/<kind>``), ``reason`` says more (the service, the status)."""

    kind: str  # challenge, consent, login, javascript, soft_404, http_401, http_403, http_451
    reason: str


class Refused(IgnoreRequest):
    """A request the site refused; its errback hears why. The URL is not marked as seen."""

    def __init__(self, refusal: Refusal, url: str) -> None:
        super().__init__(f"refused ({refusal.kind}: {refusal.reason}) {url}")
        self.refusal = refusal


def refusal_of(request: Request, response: Response) -> Refusal | None:
    """The refusal a response is, or None for an answer to work with (or an ordinary error,
    such as a 404 or a 500, which the spiders count as failures)."""
    # Challenge, block, consent, login and shell pages are small: a large page's markup is read
    # only for its title (a soft 404 keeps the site's whole template).
    small = len(response.body) <= SMALL_PAGE
    head = response.body[:HEAD_BYTES].lower()
    status = response.status
    for service in _SERVICES:
        if _carries(service, response.headers, head if small else b"", status != 200):
            return Refusal("challenge", service.name)
    if status in (401, 403, 451):
        return Refusal(f"http_{status}", f"HTTP {status}")
    if status != 200 or not _is_html(response):
        return None
    host = (urlsplit(response.url).hostname or "").lower()
    if host.startswith(_CONSENT_HOSTS):
        return Refusal("consent", f"redirected to {host}")
    redirected = bool(request.meta.get("redirect_urls"))
    if redirected and _LOGIN_PATH.search(urlsplit(response.url).path):
        return Refusal("login", "redirected to a login page")
    return _wall(response, head, small)


def _carries(service: _Service, headers: Headers, head: bytes, not_ok: bool) -> bool:
    for name, value in (*service.headers, *(service.headers_unless_ok if not_ok else ())):
        got = headers.get(name)
        if got is not None and value in got.lower():
            return True
    marks = (*service.marks, *(service.marks_unless_ok if not_ok else ()))
    return any(mark in head for mark in marks)


def consent_redirect(url: str) -> Refusal | None:
    """A redirect whose target is a consent host (``consent.google.com``, ``guce.yahoo.com``):
    refused before it is followed."""
    host = (urlsplit(url).hostname or "").lower()
    return Refusal("consent", f"redirected to {host}") if host.startswith(_CONSENT_HOSTS) else None


def _wall(response: Response, head: bytes, small: bool) -> Refusal | None:
    """A page that is only a wall: a form, a notice, an error, and little text besides. The
    first check that holds names it. A page that says it is an article (perhaps short, or
    behind a paywall) is no wall but a JavaScript shell: the login and consent checks, the
    dearest, are not made on it."""
    title = _TITLE.search(head[:TITLE_BYTES])
    if title and _NOT_FOUND.search(title.group(1).decode("utf-8", "replace").strip()):
        if _ARTICLE_MARKUP.search(head):
            return None
        return _if_little_text(response, Refusal("soft_404", "a 'not found' page"), 3)
    if not small:  # the other walls are small pages
        return None
    if _NEEDS_JS.search(head):
        return _if_little_text(
            response, Refusal("javascript", "an empty shell asking for JavaScript")
        )
    if _ARTICLE_MARKUP.search(head):
        return None
    if _PASSWORD.search(head):
        return _if_little_text(response, Refusal("login", "a login form"))
    if _consent_form(head):
        return _if_little_text(response, Refusal("consent", "a consent form"))
    return None


def _if_little_text(response: Response, refusal: Refusal, times: int = 1) -> Refusal | None:
    """``refusal`` if the page has less visible text than ``times`` LITTLE_TEXT."""
    if _visible_text_length(response.body[:TEXT_BYTES]) < LITTLE_TEXT * times:
        return refusal
    return None


def _consent_form(head: bytes) -> bool:
    """A consent notice's own words or container, the words around it, and a button or form
    to answer it."""
    if not any(mark in head for mark in _CONSENT_NOTICE):
        return False
    words = sum(mark in head for mark in _CONSENT_MARKERS)
    return words >= 2 and (b"<button" in head or b"<form" in head)


def _visible_text_length(body: bytes) -> int:
    text = _TAG.sub(b" ", _INVISIBLE.sub(b" ", body))
    return len(b" ".join(text.split()))


def _is_html(response: Response) -> bool:
    content_type = (response.headers.get(b"Content-Type") or b"").lower()
    return not content_type or content_type.startswith(_HTML_TYPES)
