"""Decoding pages: header, declaration and bytes, and which to believe when they disagree."""

from __future__ import annotations

import pytest

from crawler.extraction.encoding import decode_html

RUSSIAN = "<p>" + "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 10 + "</p>"
JAPANESE = "<p>" + "日本語のテキストです。東京は日本の首都です。今日は晴れています。" * 10 + "</p>"
GERMAN = "<p>" + "Grüße aus Köln: Die Fähre über die Förde fährt öfter. " * 10 + "</p>"
TURKISH = (
    "<p>" + "Meclis bugün yeni bir yasa kabul etti; ışık, şeker ve güzel çiçekler. " * 10 + "</p>"
)
KOREAN = (
    "<p>" + "한국어 텍스트입니다. 서울은 한국의 수도입니다. 오늘은 날씨가 맑습니다. " * 10 + "</p>"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(RUSSIAN, "cp1251"), (JAPANESE, "shift_jis"), (GERMAN, "cp1252"), (TURKISH, "cp1254"),
     (KOREAN, "euc-kr")],
)  # fmt: skip
def test_undeclared_legacy_pages_are_read_from_their_bytes(text: str, encoding: str) -> None:
    decoded, _ = decode_html(f"<html><body>{text}</body></html>".encode(encoding), "text/html")
    assert text in decoded


def test_the_http_charset_is_used() -> None:
    body = f"<html><body>{RUSSIAN}</body></html>".encode("koi8-r")
    assert decode_html(body, "text/html; charset=KOI8-R")[0].count("Съешь") == 10


def test_the_page_declaration_is_used_without_a_header_charset() -> None:
    body = f'<html><head><meta charset="iso-8859-1"></head>{GERMAN}</html>'.encode("latin-1")
    assert GERMAN in decode_html(body, "text/html")[0]


def test_utf8_bytes_win_over_a_header_that_says_latin1() -> None:
    body = f'<html><head><meta charset="utf-8"></head>{GERMAN}</html>'.encode()
    text, encoding = decode_html(body, "text/html; charset=ISO-8859-1")
    assert (GERMAN in text, encoding) == (True, "utf-8")


def test_latin1_bytes_labelled_utf8_are_not_mojibake() -> None:
    body = f"<html>{GERMAN}</html>".encode("latin-1")
    assert GERMAN in decode_html(body, "text/html; charset=utf-8")[0]


def test_utf8_with_a_stray_latin1_byte_is_still_utf8() -> None:
    """A template's attribute pasted in latin-1 (a no-break space, 0xA0) into a UTF-8 page:
    the page is UTF-8, that byte replaced, not every character of the story garbled."""
    body = (
        '<html><head><meta charset="utf-8"></head><body title="U.S.\xa0Senate">'.encode("latin-1")
        + f"{GERMAN}{RUSSIAN}</body></html>".encode()
    )
    text, encoding = decode_html(body, "text/html")
    assert (GERMAN in text, RUSSIAN in text, encoding) == (True, True, "utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(codec: str) -> None:
    body = f"<html><body>{RUSSIAN}</body></html>".encode(codec)
    header = "text/html" if codec == "utf-16" else f"text/html; charset={codec}"
    assert RUSSIAN in decode_html(body, header)[0]


def test_undecodable_bytes_never_raise() -> None:
    text, _ = decode_html(bytes(range(256)) * 4, "text/html; charset=nonsense")
    assert isinstance(text, str)


GREEK = (
    "<p>"
    + "Η νέα γραμμή λεωφορείου συνδέει το λιμάνι με το αεροδρόμιο κάθε μισή ώρα. " * 10
    + "</p>"
)


@pytest.mark.parametrize(
    ("text", "encoding", "meta"),
    [
        (RUSSIAN, "cp1251", ""),
        (RUSSIAN, "cp1251", '<meta charset="windows-1251">'),
        (GREEK, "iso-8859-7", ""),
        (JAPANESE, "shift_jis", '<meta charset="shift_jis">'),
    ],
)
def test_a_wrong_legacy_header_charset_does_not_make_mojibake(
    text: str, encoding: str, meta: str
) -> None:
    body = f"<html><head>{meta}</head><body>{text}</body></html>".encode(encoding)
    assert text in decode_html(body, "text/html; charset=iso-8859-1")[0]
