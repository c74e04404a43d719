"""GIFT import: Moodle's plain-text question format, parsed into ParsedQuestions.

Covered: // comments, ::titles::, $CATEGORY:, [html]/[moodle]/[plain]/[markdown], multiple
choice (= right, ~ wrong, ~%50% partial and negative credit), # per-answer feedback, ####
general feedback, true/false ({T}/{TRUE}/{F}/{FALSE} with #wrong#right feedback), short
answer ({=a =b}), numeric ({#1902}, {#1902:2}, {#1900..1904}, {#=1902:0 ~…}), matching
({=left -> right}), missing word (text {…} text) and the escapes \\~ \\= \\# \\{ \\} \\: \\n.
Essays ({}) and descriptions (no answer block) are refused: ajquiz only imports what it marks.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ajquiz.questions.models import Question
from ajquiz.questions.richtext import html_to_text, rich_stem

from .checks import MAX_NUMBER, problems_of
from .gift_syntax import find_unescaped, split_answers, split_unescaped, unescape
from .parsed import (
    BLANK,
    CLOZE_STEM,
    ParsedQuestion,
    ParseError,
    ParseResult,
    Problem,
    count_lines,
    normalise_newlines,
    option_id,
)

Kind = Question.Kind
FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.I)
WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
ESSAY = (
    "essay questions (an empty answer block {}) are not supported: ajquiz only imports "
    "questions it can mark"
)


def parse_gift(text: str) -> ParseResult:
    """Every question of a GIFT file, or every problem with its line; never raises."""
    text = normalise_newlines(text)
    result = ParseResult(lines=count_lines(text))
    category = ""
    for start, block in blocks(text):
        if block.startswith("$CATEGORY:"):
            first, _, block = block.partition("\n")
            category = first.removeprefix("$CATEGORY:").strip()
            start += 1
            if not block.strip():
                continue
        result.blocks += 1
        try:
            question = GiftBlock(block, start, category, result).parse()
        except ParseError as error:
            result.fail(error)
            continue
        problems = problems_of(question)
        if problems:
            result.errors.extend(Problem(start, reason) for reason in problems)
        else:
            result.questions.append(question)
    return result


def blocks(text: str):
    """(first line number, text) of each run of non-blank lines, comment lines left out."""
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped:
            if current:
                yield start, "\n".join(current)
                current = []
            continue
        if not current:
            start = number
            line = line.lstrip()
        current.append(line)
    if current:
        yield start, "\n".join(current)


@dataclass
class Answer:
    line: int
    marker: str
    weight: float | None
    text: str
    feedback: str

    @property
    def credit(self) -> float:
        if self.weight is not None:
            return self.weight
        return 100.0 if self.marker == "=" else 0.0


class GiftBlock:
    """One question's text, with the line it starts on for error messages."""

    def __init__(self, text: str, start: int, category: str, result: ParseResult):
        self.text = text
        self.start = start
        self.category = category
        self.result = result
        self.format = "moodle"

    def line_at(self, offset: int) -> int:
        return self.start + self.text.count("\n", 0, offset)

    def plain(self, raw: str) -> str:
        text = unescape(raw)
        return html_to_text(text) if self.format == "html" else text.strip()

    def parse(self) -> ParsedQuestion:
        text = self.text
        title, position = self._title()
        found = FORMAT.match(text, position)
        if found:
            self.format = found.group(1).lower()
            position = found.end()
        opening, closing = self._answer_block(position)
        before, after = text[position:opening], text[closing + 1 :]
        body_offset = opening + 1
        body = text[body_offset:closing]
        general = ""
        split = find_unescaped(body, "####")
        if split >= 0:
            general = self.plain(body[split + 4 :])
            body = body[:split]
        if not body.strip():
            raise ParseError(self.line_at(opening), ESSAY)
        question = self._answers(body, body_offset, before, after)
        question.title, question.category, question.feedback = title, self.category, general
        question.line = self.start
        return question

    def _title(self) -> tuple[str, int]:
        if not self.text.startswith("::"):
            return "", 0
        end = find_unescaped(self.text, "::", 2)
        if end < 0:
            raise ParseError(self.start, "the title opened with :: is not closed with ::")
        return self.plain(self.text[2:end]), end + 2

    def _answer_block(self, position: int) -> tuple[int, int]:
        text = self.text
        opening = find_unescaped(text, "{", position)
        stray = find_unescaped(text, "}", position)
        if 0 <= stray < opening or (opening < 0 <= stray):
            raise ParseError(self.line_at(stray), "a } with no { before it (escape it as \\})")
        if opening < 0:
            raise ParseError(
                self.start,
                "no answer block in { }: descriptions and text without a question are not imported",
            )
        closing = find_unescaped(text, "}", opening + 1)
        if closing < 0:
            raise ParseError(self.line_at(opening), "the answer block { is never closed with }")
        nested = find_unescaped(text, "{", opening + 1)
        if 0 <= nested < closing:
            raise ParseError(self.line_at(nested), "a { inside an answer block (escape it as \\{)")
        extra = min(
            (i for i in (nested, find_unescaped(text, "}", closing + 1)) if i > closing),
            default=-1,
        )
        if extra >= 0:
            raise ParseError(
                self.line_at(extra),
                "only one answer block { } per question (separate questions with a blank line)",
            )
        return opening, closing

    def _answers(self, body: str, offset: int, before: str, after: str) -> ParsedQuestion:
        stripped = body.strip()
        line = self.line_at(offset + body.index(stripped[0]))
        missing_word = bool(after.strip())
        if stripped.startswith("#"):
            self._refuse_blank(missing_word, line, "numeric")
            return self._numeric(body[body.index("#") + 1 :], offset + body.index("#") + 1, before)
        head = split_unescaped(stripped, "#")
        if head[0].strip().upper() in TRUE_FALSE:
            self._refuse_blank(missing_word, line, "true/false")
            return self._true_false(head, line, before)
        lead, tokens = split_answers(body)
        if lead.strip():
            raise ParseError(
                line, f"answers start with = (right) or ~ (wrong), not “{lead.strip()[:40]}”"
            )
        answers = [self._answer(offset + at, marker, raw) for at, marker, raw in tokens]
        if any(find_unescaped(answer.text, "->") >= 0 for answer in answers):
            self._refuse_blank(missing_word, line, "matching")
            return self._matching(answers, before)
        if all(answer.marker == "=" for answer in answers):
            return self._short_answer(answers, before, after)
        return self._choice(answers, before, after, line)

    def _refuse_blank(self, missing_word: bool, line: int, kind: str) -> None:
        if missing_word:
            raise ParseError(
                line,
                f"a {kind} answer block cannot sit inside the text; only multiple-choice and "
                "short-answer blanks can",
            )

    def _answer(self, offset: int, marker: str, raw: str) -> Answer:
        line = self.line_at(offset)
        weight = None
        if raw.lstrip().startswith("%"):
            found = WEIGHT.match(raw)
            if not found:
                raise ParseError(line, "a weight is written %50%: a number between % signs")
            weight = float(found.group(1))
            if not -100 <= weight <= 100:
                raise ParseError(line, f"the weight {weight:g}% is outside -100% to 100%")
            raw = raw[found.end() :]
        split = find_unescaped(raw, "#")
        text, feedback = (raw[:split], raw[split + 1 :]) if split >= 0 else (raw, "")
        return Answer(line, marker, weight, text, self.plain(feedback))

    def _stem(self, raw: str) -> tuple[str, str]:
        """(plain stem, sanitised HTML stem or "")."""
        text = unescape(raw).strip()
        return rich_stem(text) if self.format == "html" else (text, "")

    def _question(self, kind, raw_stem: str, payload: dict) -> ParsedQuestion:
        stem, stem_html = self._stem(raw_stem)
        return ParsedQuestion(kind=kind, stem=stem, stem_html=stem_html, payload=payload)

    def _true_false(self, parts: list[str], line: int, before: str) -> ParsedQuestion:
        if len(parts) > 3:
            raise ParseError(line, "true/false takes at most two feedbacks: {T#if wrong#if right}")
        if len(parts) == 3 and parts[2].strip():
            self.result.warn(line, "the feedback for a right true/false answer is dropped")
        correction = self.plain(parts[1]) if len(parts) > 1 else ""
        answer = TRUE_FALSE[parts[0].strip().upper()]
        return self._question(Kind.TRUE_FALSE, before, {"answer": answer, "correction": correction})

    def _numeric(self, body: str, offset: int, before: str) -> ParsedQuestion:
        line = self.line_at(offset)
        if body.strip()[:1] in ("=", "~"):
            _lead, tokens = split_answers(body)
            answers = [self._answer(offset + at, marker, raw) for at, marker, raw in tokens]
            full = [a for a in answers if a.marker == "=" and a.credit == 100]
            partial = [a for a in answers if a.marker == "=" and a.credit != 100]
            if partial:
                raise ParseError(
                    partial[0].line,
                    "partial credit for a near numeric answer is not supported: ajquiz gives "
                    "one answer a tolerance instead",
                )
            if len(full) != 1:
                raise ParseError(line, "a numeric question needs exactly one right answer (=)")
            if len(answers) > 1:
                self.result.warn(line, "wrong numeric answers (~) and their feedback are dropped")
            spec, feedback = full[0].text, full[0].feedback
        else:
            split = find_unescaped(body, "#")
            spec, feedback = (body[:split], body[split + 1 :]) if split >= 0 else (body, "")
        if feedback.strip():
            self.result.warn(line, "feedback on a numeric answer is dropped; use #### instead")
        answer, tolerance = number_spec(unescape(spec).strip(), line)
        payload = {"answer": answer, "tolerance": tolerance, "unit": ""}
        return self._question(Kind.NUMERIC, before, payload)

    def _short_answer(self, answers: list[Answer], before: str, after: str) -> ParsedQuestion:
        for answer in answers:
            if answer.credit != 100:
                raise ParseError(answer.line, "partial credit on a short answer is not supported")
            if answer.feedback:
                self.result.warn(answer.line, "feedback on a short answer is dropped")
        texts = [self.plain(answer.text) for answer in answers]
        if not after.strip():
            payload = {"answer": texts[0], "accepted": texts[1:]}
            return self._question(Kind.SHORT_ANSWER, before, payload)
        payload = {
            "before": self._edge_text(before, keep_end=True),
            "after": self._edge_text(after, keep_end=False),
            "answer": texts[0],
            "accepted": texts[1:],
        }
        return ParsedQuestion(kind=Kind.CLOZE, stem=CLOZE_STEM, payload=payload)

    def _edge_text(self, raw: str, *, keep_end: bool) -> str:
        """Text beside a blank, keeping the one space that separates it from the blank."""
        text = self.plain(raw)
        if keep_end:
            return text + " " if text and raw[-1:].isspace() else text
        return " " + text if text and raw[:1].isspace() else text

    def _choice(self, answers, before: str, after: str, line: int) -> ParsedQuestion:
        credits = [answer.credit for answer in answers]
        positive = [credit for credit in credits if credit > 0]
        if not positive:
            raise ParseError(line, "no answer is right: mark one with = or give it a weight")
        single = all(credit == 100 for credit in positive)
        if not single and abs(sum(positive) - 100) > 0.1:
            raise ParseError(
                line, f"the positive weights add up to {sum(positive):g}%, they must make 100%"
            )
        options = []
        for index, answer in enumerate(answers):
            option = {
                "id": option_id(index),
                "text": self.plain(answer.text),
                "correct": answer.credit > 0,
                "feedback": answer.feedback,
            }
            if not single or answer.credit not in (0, 100):
                option["fraction"] = round(answer.credit / 100, 7)
            options.append(option)
        kind = Kind.MULTIPLE_CHOICE if single else Kind.MULTIPLE_RESPONSE
        raw_stem = before + BLANK + after if after.strip() else before
        return self._question(kind, raw_stem, {"options": options, "shuffle": True})

    def _matching(self, answers: list[Answer], before: str) -> ParsedQuestion:
        lefts, rights, key = [], [], {}
        right_ids: dict[str, str] = {}
        for answer in answers:
            split = find_unescaped(answer.text, "->")
            if answer.marker != "=" or split < 0:
                raise ParseError(answer.line, "every matching pair is written =left -> right")
            left = self.plain(answer.text[:split])
            right = self.plain(answer.text[split + 2 :])
            if right not in right_ids:
                right_ids[right] = f"r{len(right_ids) + 1}"
                rights.append({"id": right_ids[right], "text": right})
            if left:
                left_id = f"l{len(lefts) + 1}"
                lefts.append({"id": left_id, "text": left})
                key[left_id] = right_ids[right]
        payload = {"lefts": lefts, "rights": rights, "key": key}
        return self._question(Kind.MATCHING, before, payload)


def number_spec(spec: str, line: int) -> tuple[float, float]:
    """ "1902", "1902:2" or "1900..1904" as (answer, tolerance)."""
    if ".." in spec:
        low_text, _, high_text = spec.partition("..")
        low, high = number(low_text, line), number(high_text, line)
        if low > high:
            raise ParseError(line, f"the range {spec} runs backwards")
        return tidy_number((low + high) / 2), tidy_number((high - low) / 2)
    value_text, _, tolerance_text = spec.partition(":")
    tolerance = number(tolerance_text, line) if tolerance_text.strip() else 0
    if tolerance < 0:
        raise ParseError(line, "a tolerance cannot be negative")
    return number(value_text, line), tolerance


def number(text: str, line: int):
    text = text.strip()
    if not NUMBER.fullmatch(text):
        raise ParseError(line, f"“{text[:40]}” is not a number")
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ParseError(line, f"the number {text[:40]} is too large")
    return tidy_number(value)


def tidy_number(value: float):
    return int(value) if float(value).is_integer() else value
