"""Text helpers shared by extraction and discovery: words to compare, HTML bodies to text."""

from __future__ import annotations

import html
import re

_WORD = re.compile(r"\w+")
_TAGS = re.compile(r"<[^>]+>")
_BREAKS = re.compile(r"(?i)<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote)\s*/?>")
# markup escaped once more (some systems put "&lt;div&gt;" into JSON-LD's articleBody)
_ESCAPED_TAGS = 3  # escaped tags enough to be the body's markup
_ESCAPED_MARKUP = re.compile(r"(?i)&lt;/?(?:p|div|br|span|a|img|iframe|h[1-6]|strong|em|figure)\b")
# Markdown, in which some systems hold the body (Condé Nast's: "[a paper](https://...)",
# "*NASA*{: .small}"): its links read as their words, kramdown's attribute lists dropped,
# and, in such a body only, a word's emphasis marks
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:https?:/)?/[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2})(?=[^\s*])([^*\n]+?)(?<=[^\s*])\1(?![\w*])")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, for comparisons that ignore punctuation and case."""
    return _WORD.findall(text.casefold())


def folded(text: str) -> str:
    """The text with case and runs of whitespace folded: how two texts or lines are told the
    same (exact duplicates, a site's repeated lines)."""
    return " ".join(text.casefold().split())


def html_to_text(value: object) -> str | None:
    """Plain text from a body that may hold HTML or entities; paragraphs on their own lines."""
    if not isinstance(value, str) or not value.strip():
        return None
    if not _TAGS.search(value) and len(_ESCAPED_MARKUP.findall(value)) >= _ESCAPED_TAGS:
        value = html.unescape(value)  # markup escaped throughout, not a tag named in the text
    text = html.unescape(_TAGS.sub(" ", _BREAKS.sub("\n", value)))
    if _MARKDOWN_LINK.search(text) or _KRAMDOWN_ATTRIBUTES.search(text):
        text = _MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub("", text))
        text = _KRAMDOWN_ATTRIBUTES.sub("", text)
        text = _EMPHASIS.sub(r"\2", text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None


def primary_language(value: str | None) -> str | None:
    """The primary subtag of a language code, lower-cased: ``de-DE``, ``de_DE``, ``DE`` and
    ``de, en`` all give ``de``; anything that is not a code gives None."""
    if not value:
        return None
    primary = value.split(",")[0].strip().replace("_", "-").split("-")[0].lower()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None
