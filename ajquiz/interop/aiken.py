"""Aiken import: Moodle's simplest format, multiple choice only.

    Which treaty ended the alliance?
    A. The Treaty of Portsmouth
    B) The Four-Power Treaty
    ANSWER: B

A question is its first line (or lines) of text, two or more lettered options, and an ANSWER
line. After an error the parser skips to the next ANSWER line or blank line and goes on, so
every problem in the file is reported at once.
"""

from __future__ import annotations

import re

from ajquiz.questions.models import Question

from .checks import problems_of
from .parsed import (
    ParsedQuestion,
    ParseError,
    ParseResult,
    Problem,
    count_lines,
    normalise_newlines,
    option_id,
)

OPTION = re.compile(r"^([A-Za-z])[.)]\s+(.*\S)\s*$")
ANSWER = re.compile(r"^ANSWER\s*:\s*(.*?)\s*$", re.I)


class _Draft:
    def __init__(self, line: int, stem: str):
        self.line = line
        self.stem = [stem]
        self.options: list[tuple[str, str]] = []

    def add(self, number: int, text: str) -> None:
        option = OPTION.match(text)
        if option:
            letter = option.group(1).upper()
            if any(letter == seen for seen, _ in self.options):
                raise ParseError(number, f"option {letter} is given twice")
            self.options.append((letter, option.group(2)))
        elif self.options:
            raise ParseError(number, "expected an option such as “B. …” or “ANSWER: B”")
        else:
            self.stem.append(text)

    def finish(self, number: int, letter: str) -> ParsedQuestion:
        letter = letter.upper()
        if not self.options:
            raise ParseError(number, "the question has no options (“A. …”) before its ANSWER")
        letters = [seen for seen, _ in self.options]
        if letter not in letters:
            raise ParseError(
                number, f"ANSWER: {letter[:10]} is not one of the options {''.join(letters)}"
            )
        options = [
            {"id": option_id(index), "text": text, "correct": seen == letter, "feedback": ""}
            for index, (seen, text) in enumerate(self.options)
        ]
        return ParsedQuestion(
            kind=Question.Kind.MULTIPLE_CHOICE,
            stem=" ".join(self.stem),
            payload={"options": options, "shuffle": False},
            line=self.line,
        )


def parse_aiken(text: str) -> ParseResult:
    """Every question of an Aiken file, or every problem with its line; never raises."""
    text = normalise_newlines(text)
    result = ParseResult(lines=count_lines(text))
    draft: _Draft | None = None
    skipping = False
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        answer = ANSWER.match(line)
        if skipping:
            skipping = not (answer or not line)
            continue
        if not line:
            continue
        try:
            if draft is None:
                if answer:
                    raise ParseError(number, "an ANSWER line with no question before it")
                draft = _Draft(number, line)
                result.blocks += 1
            elif answer:
                question = draft.finish(number, answer.group(1))
                draft = None
                _keep(question, result)
            else:
                draft.add(number, line)
        except ParseError as error:
            result.fail(error)
            skipping = draft is not None and not answer
            draft = None
    if draft is not None:
        result.errors.append(Problem(draft.line, "the question has no “ANSWER: X” line"))
    return result


def _keep(question: ParsedQuestion, result: ParseResult) -> None:
    problems = problems_of(question)
    if problems:
        result.errors.extend(Problem(question.line, reason) for reason in problems)
    else:
        result.questions.append(question)
