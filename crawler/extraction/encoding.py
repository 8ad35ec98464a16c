"""Decode an HTML page's bytes to text, the way a careful reader would.

Order of evidence:

1. a byte-order mark;
2. a UTF-16/UTF-32 label (header or ``<meta>``): such bytes are never read as UTF-8;
3. bytes that are valid UTF-8: UTF-8, whatever a header or ``<meta>`` claims. Legacy text
   (cp1252, cp1251, Shift_JIS, ...) is practically never valid UTF-8 once it has a non-ASCII
   byte, while servers that label UTF-8 pages ``iso-8859-1`` are common. Nearly valid UTF-8
   (a stray latin-1 byte or two among many UTF-8 characters, as a template pastes them) is
   UTF-8 too, the stray bytes replaced: read in a legacy charset, every character of the
   story would be garbled instead;
4. the HTTP ``charset``, if the bytes decode under it into text that is not a mess;
5. the page's own declaration (``<meta charset>``, ``http-equiv``, XML declaration), likewise;
6. detection from the bytes (charset-normalizer); a label whose text is a mess (charset-
   normalizer's mess ratio: a Russian page labelled latin-1) is used only when detection
   does no better;
7. cp1252 with replacement characters, as a last resort that never fails.

Labels are resolved as browsers do (w3lib: ``latin-1`` means cp1252).
"""

from __future__ import annotations

import logging

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

logger = logging.getLogger(__name__)

_WIDE = ("utf-16", "utf-32")
# Detection looks at this many bytes at most: enough for any page's statistics.
_DETECT_BYTES = 64 * 1024
# Decoded text whose mess ratio is above this reads as mojibake: a legacy page in the wrong
# single-byte charset scores 0.2 to several; clean text near 0, but a page full of symbols
# and typographic marks may reach 0.15.
MAX_MESS = 0.2
# Legacy charsets of the web (the WHATWG Encoding Standard's), most used first.
WEB_CHARSETS = [
    "utf_8", "cp1252", "iso8859_15", "cp1251", "koi8_r", "koi8_u", "cp1250", "iso8859_2",
    "cp1253", "iso8859_7", "cp1254", "cp1257", "iso8859_13", "iso8859_4", "cp1255",
    "iso8859_8", "cp1256", "iso8859_6", "cp874", "cp1258", "shift_jis", "euc_jp",
    "iso2022_jp", "gb18030", "big5", "euc_kr", "mac_cyrillic", "iso8859_5", "iso8859_10",
    "iso8859_14", "iso8859_16",
]  # fmt: skip
_MESS_SAMPLE = 32 * 1024
# UTF-8 with stray bytes: this many UTF-8 characters at least for each byte that is none.
STRAY_SHARE = 20


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for an HTML body and its Content-Type header value."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom is not None:
        return body[len(bom) :].decode(bom_encoding, errors="replace"), bom_encoding

    header = http_content_type_encoding(content_type) if content_type else None
    declared = _declared(body)
    for label in (header, declared):
        if label and label.startswith(_WIDE):
            text = _try(body, label)
            if text is not None:
                return text, label

    if b"\x00" not in body[:4096]:
        text = _try(body, "utf-8") or _nearly_utf8(body)
        if text is not None:
            return text, "utf-8"

    # A label is believed unless its text is a mess (a Russian page labelled latin-1 reads as
    # "Ð’ Ð³Ð¾Ñ€Ð¾Ð´Ðµ"): then the other label, or the detector, if either reads cleanly.
    fallback: tuple[str, str] | None = None
    for label in (header, declared):
        if label and label != "utf-8":
            text = _try(body, label)
            if text is None:
                continue
            if not _messy(text):
                return text, label
            fallback = fallback or (text, label)

    detected = _detect(body)
    if detected:
        text = _try(body, detected)
        if text is not None and (fallback is None or not _messy(text)):
            if fallback is not None:
                logger.debug("Charset %s reads as a mess; decoding as %s", fallback[1], detected)
            return text, detected
    if fallback is not None:
        return fallback

    logger.debug("No charset fits the page; decoding as cp1252 with replacements")
    return body.decode("cp1252", errors="replace"), "cp1252"


def _nearly_utf8(body: bytes) -> str | None:
    """The body read as UTF-8 when its few undecodable bytes stand among many characters that
    are UTF-8 (a legacy charset's text has next to none: its non-ASCII bytes rarely form one)."""
    text = body.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    if not stray:
        return None
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - stray
    return text if wide >= STRAY_SHARE * stray else None


def _messy(text: str) -> bool:
    """Whether decoded text looks like mojibake (charset-normalizer's mess ratio)."""
    return mess_ratio(text[:_MESS_SAMPLE], maximum_threshold=1.0) > MAX_MESS


def _declared(body: bytes) -> str | None:
    label = html_body_declared_encoding(body)
    return resolve_encoding(label) if label else None


def _try(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes) -> str | None:
    """The legacy charset the bytes read best in, among those web pages use.

    Unrestricted, charset-normalizer often names DOS or Mac code pages (cp775, cp852,
    mac_latin2) for a cp1252 page: they read as cleanly, but no browser even offers them.
    Among the charsets that decode the page to the same text, the one the web uses most wins.
    """
    results = from_bytes(body[:_DETECT_BYTES], cp_isolation=WEB_CHARSETS)
    best = results.best()
    if best is None:
        return None
    # The charsets that give the very same text as the best reading (cp1250 and cp1252 on a
    # page without Š or ž), and readings as clean that look at least as much like a language:
    # of those, the one the web uses most.
    close = [best.encoding, *best.could_be_from_charset] + [
        name
        for match in results
        if match.chaos <= best.chaos + 0.01 and match.coherence >= max(best.coherence, 0.01)
        for name in [match.encoding, *match.could_be_from_charset]
    ]
    chosen = min(close, key=lambda name: WEB_CHARSETS.index(name) if name in WEB_CHARSETS else 99)
    return resolve_encoding(chosen) or chosen


_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\ufffd"}


def binary_share(text: str, sample: int = 8192) -> float:
    """The share of control characters and U+FFFD in the start of a decoded page: near 0 for
    text in any language and encoding, high for binary data decoded as text."""
    head = text[:sample]
    if not head:
        return 0.0
    return sum(head.count(char) for char in _CONTROL) / len(head)  # a C loop per character
