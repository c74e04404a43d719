"""Rows of the import preview table, for parsed questions and for saved ones alike."""

from __future__ import annotations

from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_key


def preview_row(question, origin=None) -> dict:
    """`question` is a ParsedQuestion (dry run) or a saved Question with its ImportedQuestion."""
    kind = Question.Kind(question.kind)
    payload = question.payload
    detail = ""
    if kind == Question.Kind.CLOZE:
        detail = f"{payload['before']}_____{payload['after']}"
    elif kind in (Question.Kind.MULTIPLE_CHOICE, Question.Kind.MULTIPLE_RESPONSE):
        detail = "Options: " + "; ".join(option["text"] for option in payload["options"])
    saved = isinstance(question, Question)
    return {
        "line": origin.line if saved else question.line,
        "title": origin.title if saved else question.title,
        "kind_label": kind.label,
        "stem": question.stem,
        "detail": detail,
        "key": describe_key(question),
        "url": question.get_absolute_url() if saved else "",
    }
