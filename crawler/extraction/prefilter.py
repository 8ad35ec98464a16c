"""trafilatura's regular-expression XPaths, each test guarded by a plain substring test.

trafilatura 2.3 finds content, boilerplate, comments, authors and categories with XPaths full
of EXSLT ``re:test(@class, 'a|b|...')``, and lxml runs each ``re:test`` as a call into Python:
one per element with the attribute, thousands a page, most of a page's extraction time spent
in them. Every match of such a pattern contains one of a few literal strings (``author-?name``
needs ``author``; ``post[-_]text`` needs ``text``), so ``re:test(@class, P)`` is rewritten as
``((contains(@class, 'author') or ...) and re:test(@class, P))``: libxml2 answers ``contains``
in C, and the regular expression is run only on the few values that can match. The result is
the same node-set whatever the page (the guard is implied by the test); a pattern with flags
or without a literal in every alternative is left as it is.

``install()`` replaces the XPaths in trafilatura's modules in place (idempotent). A guard
misread would change what is extracted: tests compare every rewritten XPath with trafilatura's
own on pages with and without matches.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from re import _constants as _sre  # type: ignore[attr-defined]  # the parser behind ``re``
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any

from lxml.etree import XPath

REGEXP_NS = "http://exslt.org/regular-expressions"
MAX_LITERALS = 3  # more contains() calls cost as much as the call they spare
MIN_LITERAL = 3  # shorter literals ("-", "id") pass too many values to be worth a guard
_TEST = re.compile(r"re:test\(\s*([^,()']+?)\s*,\s*'([^']*)'\s*(,\s*'[^']*'\s*)?\)")
_installed = False
_lists: list[tuple[list[XPath], list[XPath], list[XPath]]] = []  # (list, trafilatura's, guarded)
_names: list[tuple[Any, str, XPath, XPath]] = []  # (module, name, trafilatura's, guarded)


def required_literals(pattern: str) -> list[str] | None:
    """Strings one of which is in every match of ``pattern`` (searched, case-sensitive), or
    None when no such short list of long enough literals is known."""
    try:
        parsed = _sre_parse.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & ~(re.UNICODE | re.ASCII):  # (?i), (?x)...: no plain substring
        return None
    found = _sequence(list(parsed))
    if not found or min(map(len, found)) < MIN_LITERAL:
        return None
    # "author" found, "authorName" is: a literal holding another adds nothing to the guard.
    return sorted({s for s in found if not any(other != s and other in s for other in found)})


def _sequence(items: Iterable[tuple[Any, Any]]) -> list[str] | None:
    """The best requirement of a sequence of parsed items: one of the literal runs (a list of
    one string), or a group or alternation that always occurs (a list of alternatives)."""
    options: list[list[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            options.append(["".join(run)])
            run = []
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, inner = value
            if not add_flags and not del_flags and (found := _sequence(inner)):
                options.append(found)
        elif op is _sre.BRANCH:
            branches = [_sequence(branch) for branch in value[1]]
            if all(branches):
                options.append([s for branch in branches for s in branch])  # type: ignore[union-attr]
        elif (
            op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
            and value[0] >= 1  # repeated at least once: what it requires, the match does
            and (found := _sequence(value[2]))
        ):
            options.append(found)
    if run:
        options.append(["".join(run)])
    if not options:
        return None
    return max(options, key=lambda option: (min(map(len, option)), -len(option)))


def _guarded(match: re.Match[str]) -> str:
    test = match.group(0)
    argument, pattern, flags = match.groups()
    try:
        empty = re.search(pattern, "", re.IGNORECASE if flags and "i" in flags else 0)
    except re.error:
        return test
    if empty is not None:  # the test holds for a missing attribute too: nothing to guard with
        return test
    guards = [argument]  # an element without the attribute: no call into Python
    literals = required_literals(pattern) if not flags else None
    if literals and len(literals) <= MAX_LITERALS and not any("'" in s for s in literals):
        guards.append("(" + " or ".join(f"contains({argument}, '{s}')" for s in literals) + ")")
    return f"({' and '.join(guards)} and {test})"


def rewrite(path: str) -> str:
    """An XPath's text with each ``re:test`` guarded by its literals."""
    return _TEST.sub(_guarded, path)


def prefiltered(xpath: XPath) -> XPath:
    """The same XPath, guarded; the XPath itself when nothing is to be guarded."""
    path = rewrite(xpath.path)
    if path == xpath.path:
        return xpath
    return XPath(path, namespaces={"re": REGEXP_NS})


def install() -> None:
    """Guard the XPaths of ``trafilatura.xpaths`` (lists, replaced item by item, so that every
    module holding a list sees the change) and ``trafilatura.settings.BASIC_CLEAN_XPATH``."""
    global _installed
    if _installed:
        return
    from trafilatura import settings, xpaths

    for value in vars(xpaths).values():
        if isinstance(value, list) and value and all(isinstance(x, XPath) for x in value):
            guarded = [prefiltered(x) for x in value]
            _lists.append((value, list(value), guarded))
            value[:] = guarded
    # BASIC_CLEAN_XPATH's patterns carry the 'i' flag: guarded by the attribute's presence only.
    old = settings.BASIC_CLEAN_XPATH
    if (new := prefiltered(old)) is not old:
        for name, module in list(sys.modules.items()):
            if name.startswith("trafilatura") and getattr(module, "BASIC_CLEAN_XPATH", None) is old:
                _names.append((module, "BASIC_CLEAN_XPATH", old, new))
                module.BASIC_CLEAN_XPATH = new
    _installed = True


@contextmanager
def unguarded() -> Iterator[None]:
    """trafilatura's own XPaths for a while: benchmarks that time plain trafilatura in a
    process where an extractor was built."""
    for container, original, _ in _lists:
        container[:] = original
    for module, name, old, _ in _names:
        setattr(module, name, old)
    try:
        yield
    finally:
        for container, _, guarded in _lists:
            container[:] = guarded
        for module, name, _, new in _names:
            setattr(module, name, new)
