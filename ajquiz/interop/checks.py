"""Checks that a parsed question is one ajquiz can show and grade (payload shapes of
questions/payload.py), so a file fails at import with a reason instead of breaking a quiz later.
"""

from __future__ import annotations

import math

from ajquiz.questions.models import Question

from .parsed import ParsedQuestion

Kind = Question.Kind
MAX_NUMBER = 1e12
STEM_MAX = 5000
TEXT_MAX = 1000


def problems_of(question: ParsedQuestion) -> list[str]:
    """Reasons the question cannot be imported, empty when it can."""
    found = []
    if not question.stem.strip():
        found.append("the question has no text")
    elif len(question.stem) > STEM_MAX:
        found.append(f"the question text is longer than {STEM_MAX} characters")
    check = CHECKS.get(question.kind)
    if check is None:
        return [*found, f"ajquiz has no question kind “{question.kind}”"]
    return found + check(question.payload)


def _texts_problems(texts: list[str], what: str) -> list[str]:
    if any(not text.strip() for text in texts):
        return [f"an empty {what}"]
    if any(len(text) > TEXT_MAX for text in texts):
        return [f"a {what} longer than {TEXT_MAX} characters"]
    return []


def _choice(payload) -> list[str]:
    options = payload.get("options", [])
    found = _texts_problems([option["text"] for option in options], "answer")
    if len(options) < 2:
        found.append("a choice question needs at least two answers")
    right = [option for option in options if option["correct"]]
    if not right:
        found.append("no answer is marked right")
    if len({option["id"] for option in options}) != len(options):
        found.append("two answers share an id")
    return found


def _true_false(payload) -> list[str]:
    return [] if isinstance(payload.get("answer"), bool) else ["the answer is not true or false"]


def _text_answer(payload) -> list[str]:
    return _texts_problems([payload.get("answer", ""), *payload.get("accepted", [])], "answer")


def _cloze(payload) -> list[str]:
    found = _text_answer(payload)
    if not (payload.get("before", "").strip() or payload.get("after", "").strip()):
        found.append("the blank has no text around it")
    return found


def _numeric(payload) -> list[str]:
    found = []
    for name in ("answer", "tolerance"):
        value = payload.get(name)
        if not isinstance(value, int | float) or not math.isfinite(value):
            found.append(f"the {name} is not a number")
        elif abs(value) > MAX_NUMBER:
            found.append(f"the {name} {value:g} is too large")
    if not found and payload["tolerance"] < 0:
        found.append("the tolerance is negative")
    return found


def _matching(payload) -> list[str]:
    lefts, rights, key = payload["lefts"], payload["rights"], payload["key"]
    found = _texts_problems([item["text"] for item in [*lefts, *rights]], "matching item")
    if len(lefts) < 2:
        found.append("a matching question needs at least two pairs")
    right_ids = {right["id"] for right in rights}
    if set(key) != {left["id"] for left in lefts} or not set(key.values()) <= right_ids:
        found.append("every left item needs exactly one right item")
    return found


def _ordering(payload) -> list[str]:
    items = payload["items"]
    found = _texts_problems([item["text"] for item in items], "item")
    if len(items) < 2:
        found.append("an ordering question needs at least two items")
    if sorted(payload["key"]) != sorted(item["id"] for item in items):
        found.append("the order does not list every item once")
    return found


CHECKS = {
    Kind.MULTIPLE_CHOICE: _choice,
    Kind.MULTIPLE_RESPONSE: _choice,
    Kind.TRUE_FALSE: _true_false,
    Kind.SHORT_ANSWER: _text_answer,
    Kind.CLOZE: _cloze,
    Kind.NUMERIC: _numeric,
    Kind.MATCHING: _matching,
    Kind.ORDERING: _ordering,
}
