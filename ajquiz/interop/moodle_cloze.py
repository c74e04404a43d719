"""Moodle's embedded-answer (cloze) syntax, {1:SHORTANSWER:=London~=Londres}, for
multianswer questions. ajquiz's cloze has one typed blank; a single multiple-choice or numeric
blank becomes a multiple-choice or numeric question with the blank shown as _____.
"""

from __future__ import annotations

import re

from ajquiz.questions.models import Question

from .gift import number_spec
from .gift_syntax import find_unescaped
from .parsed import BLANK, CLOZE_STEM, ParsedQuestion, ParseError, ParseResult, option_id

Kind = Question.Kind
SUBQUESTION = re.compile(r"\{(\d*):([A-Za-z_]+):((?:\\.|[^\\}])*)\}")
WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
SHORT = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"}
NUMERIC = {"NUMERICAL", "NM"}
CHOICE = {
    "MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
    "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS",
}  # fmt: skip
RESPONSE = {"MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS",
            "MULTIRESPONSE_HS", "MRHS"}  # fmt: skip


def read_cloze(text: str, line: int, result: ParseResult) -> ParsedQuestion:
    blanks = list(SUBQUESTION.finditer(text))
    if not blanks:
        raise ParseError(line, "no embedded answer like {1:SHORTANSWER:=London} in the text")
    if len(blanks) > 1:
        raise ParseError(
            line, f"ajquiz cloze questions have one blank; this text has {len(blanks)}"
        )
    blank = blanks[0]
    before, after = text[: blank.start()].lstrip(), text[blank.end() :].rstrip()
    kind = blank.group(2).upper()
    answers = [answer_of(raw, line) for raw in split_tilde(blank.group(3))]
    if kind in SHORT:
        return _short(answers, before, after, kind, line, result)
    if kind in CHOICE | RESPONSE:
        return _choice(answers, before + BLANK + after, kind in RESPONSE, line)
    if kind in NUMERIC:
        right = [text for credit, text, _ in answers if credit == 100]
        if len(right) != 1:
            raise ParseError(line, "a numeric blank needs exactly one answer worth 100%")
        value, tolerance = number_spec(right[0], line)
        payload = {"answer": value, "tolerance": tolerance, "unit": ""}
        return ParsedQuestion(kind=Kind.NUMERIC, stem=before + BLANK + after, payload=payload)
    raise ParseError(line, f"the embedded answer type {kind} is not supported")


def split_tilde(body: str) -> list[str]:
    parts, current, index = [], [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            current.append(body[index : index + 2])
            index += 2
            continue
        if char == "~":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def answer_of(raw: str, line: int) -> tuple[float, str, str]:
    """(credit in %, text, feedback) of one answer such as =London#Right or %50%Paris."""
    credit = 0.0
    if raw.startswith("="):
        credit, raw = 100.0, raw[1:]
    else:
        found = WEIGHT.match(raw)
        if found:
            credit, raw = float(found.group(1)), raw[found.end() :]
            if not -100 <= credit <= 100:
                raise ParseError(line, f"the weight {credit:g}% is outside -100% to 100%")
    split = find_unescaped(raw, "#")
    text, feedback = (raw[:split], raw[split + 1 :]) if split >= 0 else (raw, "")
    return credit, unescape(text).strip(), unescape(feedback).strip()


def _short(answers, before, after, kind, line, result) -> ParsedQuestion:
    if any(0 < credit < 100 for credit, _, _ in answers):
        raise ParseError(line, "partial credit on a short answer is not supported")
    right = [text for credit, text, _ in answers if credit == 100]
    if not right:
        raise ParseError(line, "no answer in the blank is worth 100%")
    if len(right) < len(answers):
        result.warn(line, "wrong answers in the blank and their feedback are dropped")
    if kind.endswith("C"):
        result.warn(line, "case-sensitive matching is not kept: ajquiz ignores case")
    payload = {"before": before, "after": after, "answer": right[0], "accepted": right[1:]}
    return ParsedQuestion(kind=Kind.CLOZE, stem=CLOZE_STEM, payload=payload)


def _choice(answers, stem: str, multiple: bool, line: int) -> ParsedQuestion:
    positive = [credit for credit, _, _ in answers if credit > 0]
    if not multiple and 100 not in positive:
        raise ParseError(line, "a multiple-choice blank needs one answer worth 100%")
    if multiple and abs(sum(positive) - 100) > 0.1:
        raise ParseError(line, f"the right answers add up to {sum(positive):g}%, not 100%")
    options = []
    for index, (credit, text, feedback) in enumerate(answers):
        option = {
            "id": option_id(index),
            "text": text,
            "correct": credit > 0 if multiple else credit == 100,
            "feedback": feedback,
        }
        if multiple or credit not in (0, 100):
            option["fraction"] = round(credit / 100, 7)
        options.append(option)
    kind = Kind.MULTIPLE_RESPONSE if multiple else Kind.MULTIPLE_CHOICE
    return ParsedQuestion(kind=kind, stem=stem, payload={"options": options, "shuffle": True})
