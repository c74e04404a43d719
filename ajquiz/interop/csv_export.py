"""CSV exports: facts with their anchors, questions in the columns csv_io imports, and the
responses to a quiz.

Cells a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) get a
leading apostrophe, since learners and teachers type some of this text.
"""

from __future__ import annotations

import csv
import io

from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_answer, describe_key

from .csv_io import COLUMNS
from .scopes import ExportItem

Kind = Question.Kind
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FACT_COLUMNS = [
    "slug",
    "statement",
    "subject",
    "predicate",
    "object",
    "qualifier",
    "year",
    "topics",
    "source",
    "paragraph",
    "quote",
    "start",
    "end",
]


def safe_cell(value) -> str:
    """The value as text, defused for spreadsheets; plain numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(header: list[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def export_facts_csv(facts) -> str:
    """`facts` with subject, object_entity, source and passage selected and topics prefetched."""
    return write_csv(
        FACT_COLUMNS,
        (
            [
                fact.slug,
                fact.statement,
                fact.subject.name,
                fact.predicate,
                fact.object_display,
                fact.qualifier,
                fact.year,
                "|".join(topic.slug for topic in fact.topics.all()),
                fact.source.slug,
                fact.passage.index + 1 if fact.passage_id else None,
                fact.quote,
                fact.start,
                fact.end,
            ]
            for fact in facts
        ),
    )


def export_questions_csv(items: list[ExportItem]) -> str:
    """Questions in csv_io's columns, so the file imports back as hand-written questions."""
    return write_csv(COLUMNS, (question_row(item) for item in items))


def question_row(item: ExportItem) -> list:
    question = item.question
    payload = question.payload
    kind = question.kind
    feedback = "\n".join(part for part in [question.feedback, *item.citations] if part)
    options = answer = accepted = tolerance = ""
    stem = question.stem
    if kind in (Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE):
        options = "|".join(option["text"] for option in payload["options"])
        answer = "|".join(option["text"] for option in payload["options"] if option["correct"])
    elif kind == Kind.TRUE_FALSE:
        answer = "true" if payload["answer"] else "false"
    elif kind in (Kind.SHORT_ANSWER, Kind.CLOZE):
        answer, accepted = payload["answer"], "|".join(payload.get("accepted", []))
        if kind == Kind.CLOZE:
            stem = f"{payload['before']}___{payload['after']}"
    elif kind == Kind.NUMERIC:
        answer, tolerance = payload["answer"], payload.get("tolerance") or 0
    elif kind == Kind.MATCHING:
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        options = "|".join(
            f"{left['text']} -> {rights[payload['key'][left['id']]]}" for left in payload["lefts"]
        )
    elif kind == Kind.ORDERING:
        texts = {item["id"]: item["text"] for item in payload["items"]}
        options = "|".join(texts[item_id] for item_id in payload["key"])
    return [kind, stem, options, answer, accepted, tolerance, feedback]


RESPONSE_COLUMNS = [
    "quiz",
    "learner",
    "attempt",
    "attempt_state",
    "slot",
    "question",
    "kind",
    "stem",
    "answer",
    "right_answer",
    "fraction",
    "answered_at",
    "changed_at",
]


def export_responses_csv(responses) -> str:
    """`responses` with attempt, attempt's quiz and user, and question selected."""
    return write_csv(
        RESPONSE_COLUMNS,
        (
            [
                response.attempt.quiz.title,
                response.attempt.user.username,
                response.attempt.number,
                response.attempt.state,
                response.slot + 1,
                str(response.question.uid),
                response.question.kind,
                response.question.stem,
                describe_answer(response.question, response.answer),
                describe_key(response.question),
                round(response.fraction, 4),
                response.answered_at.isoformat(),
                response.changed_at.isoformat(),
            ]
            for response in responses
        ),
    )
