"""CSV: import of hand-written questions, and export of questions and facts.

Question columns (a header row names them, in any order; kind, stem and answer are required):

    kind      mc, mr, tf, sa, num, cloze, match or order
    stem      the question; for cloze, the text with the blank written as ___ (three or more _)
    options   mc/mr: the options; match: "left -> right" pairs; order: items in the right order
    answer    mc: the right option's text; mr: the right options; tf: true or false;
              sa/cloze: the answer; num: the number
    accepted  sa/cloze: other accepted answers
    tolerance num: how far either side still counts as right (default 0)
    feedback  general feedback

Lists inside a cell are separated by | (a vertical bar).
"""

from __future__ import annotations

import csv
import io
import re

from ajquiz.questions.models import Question

from .checks import problems_of
from .gift import number, tidy_number
from .parsed import (
    CLOZE_STEM,
    ParsedQuestion,
    ParseError,
    ParseResult,
    Problem,
    normalise_newlines,
    option_id,
    scrambled,
)

Kind = Question.Kind
COLUMNS = ["kind", "stem", "options", "answer", "accepted", "tolerance", "feedback"]
REQUIRED = {"kind", "stem"}
BLANK = re.compile(r"_{3,}")
TRUTH = {"true": True, "t": True, "yes": True, "false": False, "f": False, "no": False}


def parse_questions_csv(text: str) -> ParseResult:
    """Every question of a CSV file, or every problem with its line; never raises."""
    text = normalise_newlines(text)
    result = ParseResult()
    reader = csv.reader(io.StringIO(text))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        unknown = [name for name in header if name not in COLUMNS]
        missing = REQUIRED - set(header)
        if unknown or missing:
            reason = "; ".join(
                [f"unknown column “{name}”" for name in unknown]
                + [f"missing column “{name}”" for name in sorted(missing)]
            )
            result.errors.append(Problem(1, f"{reason} (columns: {', '.join(COLUMNS)})"))
            return result
        start = reader.line_num + 1
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            result.blocks += 1
            _read_row(dict(zip(header, row, strict=False)), line, result)
    except csv.Error as error:
        result.errors.append(Problem(reader.line_num, f"the CSV is malformed ({error})"))
    result.lines = reader.line_num
    return result


def _read_row(row: dict, line: int, result: ParseResult) -> None:
    try:
        cells_by_name = {name: unguard((row.get(name) or "").strip()) for name in COLUMNS}
        question = question_from_row(cells_by_name, line)
    except ParseError as error:
        result.fail(error)
        return
    problems = problems_of(question)
    if problems:
        result.errors.extend(Problem(line, reason) for reason in problems)
    else:
        result.questions.append(question)


def unguard(value: str) -> str:
    """Undo csv_export's spreadsheet guard: '=x (an apostrophe before a formula sign) is =x."""
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@") else value


def cells(value: str) -> list[str]:
    return [part.strip() for part in value.split("|")] if value.strip() else []


def question_from_row(row: dict, line: int) -> ParsedQuestion:
    kind = row.get("kind", "").lower()
    build = BUILDERS.get(kind)
    if build is None:
        raise ParseError(line, f"unknown kind “{kind[:20]}” (kinds: {', '.join(BUILDERS)})")
    stem, payload = build(row, line)
    return ParsedQuestion(
        kind=kind, stem=stem, payload=payload, line=line, feedback=row.get("feedback", "")
    )


def _choice(row, line):
    options = cells(row.get("options", ""))
    right = set(cells(row["answer"]))
    missing = right - set(options)
    if missing:
        raise ParseError(line, f"the answer “{sorted(missing)[0][:40]}” is not one of the options")
    if row["kind"].lower() == Kind.MULTIPLE_CHOICE and len(right) != 1:
        raise ParseError(line, "a multiple-choice question has one answer (use mr for several)")
    payload = {
        "options": [
            {"id": option_id(index), "text": text, "correct": text in right, "feedback": ""}
            for index, text in enumerate(options)
        ],
        "shuffle": True,
    }
    return row["stem"], payload


def _true_false(row, line):
    answer = TRUTH.get(row["answer"].lower())
    if answer is None:
        raise ParseError(line, "a true/false answer is “true” or “false”")
    return row["stem"], {"answer": answer, "correction": ""}


def _short(row, line):
    return row["stem"], {"answer": row["answer"], "accepted": cells(row.get("accepted", ""))}


def _numeric(row, line):
    tolerance = number(row.get("tolerance") or "0", line)
    if tolerance < 0:
        raise ParseError(line, "a tolerance cannot be negative")
    payload = {"answer": number(row["answer"], line), "tolerance": tidy_number(tolerance)}
    return row["stem"], {**payload, "unit": ""}


def _cloze(row, line):
    parts = BLANK.split(row["stem"])
    if len(parts) != 2:
        raise ParseError(line, "a cloze stem marks exactly one blank with ___")
    payload = {
        "before": parts[0],
        "after": parts[1],
        "answer": row["answer"],
        "accepted": cells(row.get("accepted", "")),
    }
    return CLOZE_STEM, payload


def _matching(row, line):
    lefts, rights, key = [], [], {}
    for pair in cells(row.get("options", "")):
        left, arrow, right = pair.partition("->")
        if not arrow:
            raise ParseError(line, f"“{pair[:40]}” is not a pair written left -> right")
        right_id = next((r["id"] for r in rights if r["text"] == right.strip()), None)
        if right_id is None:
            right_id = f"r{len(rights) + 1}"
            rights.append({"id": right_id, "text": right.strip()})
        left_id = f"l{len(lefts) + 1}"
        lefts.append({"id": left_id, "text": left.strip()})
        key[left_id] = right_id
    return row["stem"], {"lefts": lefts, "rights": rights, "key": key}


def _ordering(row, line):
    items = [
        {"id": f"i{index + 1}", "text": text, "year": None}
        for index, text in enumerate(cells(row.get("options", "")))
    ]
    key = [item["id"] for item in items]
    payload = {"items": scrambled(items, key), "key": key, "direction": "as the question asks"}
    return row["stem"], payload


BUILDERS = {
    Kind.MULTIPLE_CHOICE: _choice,
    Kind.MULTIPLE_RESPONSE: _choice,
    Kind.TRUE_FALSE: _true_false,
    Kind.SHORT_ANSWER: _short,
    Kind.NUMERIC: _numeric,
    Kind.CLOZE: _cloze,
    Kind.MATCHING: _matching,
    Kind.ORDERING: _ordering,
}
