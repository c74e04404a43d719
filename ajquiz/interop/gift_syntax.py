"""GIFT's lexical rules: backslash escapes of ~ = # { } : and \\n, and scanning that skips them."""

from __future__ import annotations

SPECIAL = "~=#{}:"
ANSWER_MARKERS = "=~"


def find_unescaped(text: str, token: str, start: int = 0) -> int:
    """Index of the first `token` at or after `start` not preceded by an escaping backslash."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(token, index):
            return index
        index += 1
    return -1


def split_unescaped(text: str, token: str) -> list[str]:
    parts = []
    start = 0
    while (found := find_unescaped(text, token, start)) >= 0:
        parts.append(text[start:found])
        start = found + len(token)
    parts.append(text[start:])
    return parts


def split_answers(body: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Split an answer list at each unescaped = or ~.

    Returns the text before the first marker (should be blank) and (offset, marker, text) for
    each answer, offsets relative to `body`.
    """
    answers: list[tuple[int, str, str]] = []
    lead_end = len(body)
    marker_at = None
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if char in ANSWER_MARKERS:
            if marker_at is None:
                lead_end = index
            else:
                answers.append((marker_at, body[marker_at], body[marker_at + 1 : index]))
            marker_at = index
        index += 1
    if marker_at is not None:
        answers.append((marker_at, body[marker_at], body[marker_at + 1 :]))
    return body[:lead_end], answers


def unescape(text: str) -> str:
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            if following == "n":
                out.append("\n")
            elif following in SPECIAL or following == "\\":
                out.append(following)
            else:
                out.append("\\" + following)
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


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
