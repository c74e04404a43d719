"""GIFT's lexical rules: backslash escapes of ~ = # { } : and \\n, and scanning that skips them."""

from __future__ import annotations

import re
from functools import lru_cache

SPECIAL = "~=#{}:"


@lru_cache(maxsize=32)
def _scanner(token: str) -> re.Pattern:
    # An escape pair is consumed whole, so a token right after a backslash is never matched.
    return re.compile(r"\\.|" + re.escape(token), re.DOTALL)


def find_unescaped(text: str, token: str, start: int = 0) -> int:
    """Index of the first `token` at or after `start` not preceded by an escaping backslash."""
    for found in _scanner(token).finditer(text, start):
        if found.group() == token:
            return found.start()
    return -1


def split_unescaped(text: str, token: str) -> list[str]:
    parts = []
    start = 0
    while (found := find_unescaped(text, token, start)) >= 0:
        parts.append(text[start:found])
        start = found + len(token)
    parts.append(text[start:])
    return parts


MARKERS = re.compile(r"\\.|[=~]", re.DOTALL)
ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def split_answers(body: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Split an answer list at each unescaped = or ~.

    Returns the text before the first marker (should be blank) and (offset, marker, text) for
    each answer, offsets relative to `body`.
    """
    starts = [m.start() for m in MARKERS.finditer(body) if m.group() in ("=", "~")]
    if not starts:
        return body, []
    ends = [*starts[1:], len(body)]
    answers = [(at, body[at], body[at + 1 : end]) for at, end in zip(starts, ends, strict=True)]
    return body[: starts[0]], answers


def _unescaped(found: re.Match) -> str:
    char = found.group(1)
    if char == "n":
        return "\n"
    return char if char in SPECIAL or char == "\\" else found.group()


def unescape(text: str) -> str:
    return ESCAPE.sub(_unescaped, text) if "\\" in text else text


def escape(text: str) -> str:
    out = []
    for char in text:
        if char == "\\" or char in SPECIAL:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(char)
    return "".join(out)
