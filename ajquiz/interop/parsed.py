"""What every importer produces: plain questions and line-numbered problems, before any saving.

Parsers (gift.py, moodle_xml.py, aiken.py, csv_io.py) never touch the database and never raise:
a file either parses into `ParsedQuestion`s or yields `Problem`s that name their line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

# A blank marked inside a stem: GIFT "missing word" and Moodle cloze multiple-choice blanks.
BLANK = "_____"
CLOZE_STEM = "Fill in the missing words."


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class ParseError(Exception):
    """Raised inside a parser for one question; the parser turns it into a Problem."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason

    @property
    def problem(self) -> Problem:
        return Problem(self.line, self.reason)


@dataclass
class ParsedQuestion:
    """One question as read from a file, in the shapes of questions/payload.py."""

    kind: str
    stem: str
    payload: dict
    line: int = 0
    stem_html: str = ""
    feedback: str = ""
    title: str = ""
    category: str = ""

    def same_content(self, other: ParsedQuestion) -> bool:
        """Equal apart from where it sat in its file (for round-trip checks)."""
        return replace(self, line=0) == replace(other, line=0)


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Progress, shown on the preview page: how much of the file was read and split up.
    lines: int = 0
    blocks: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def fail(self, error: ParseError) -> None:
        self.errors.append(error.problem)

    def warn(self, line: int, reason: str) -> None:
        self.warnings.append(Problem(line, reason))


def option_id(index: int) -> str:
    """a, b, … z, then o27, o28: short, stable ids for options in file order."""
    return chr(97 + index) if index < 26 else f"o{index + 1}"


def count_lines(text: str) -> int:
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def scrambled(items: list[dict], key: list[str]) -> list[dict]:
    """Items in a fixed order that is not the answer, so a learner never sees it pre-solved."""
    ordered = [next(item for item in items if item["id"] == item_id) for item_id in key]
    if len(ordered) < 2:
        return ordered
    shuffled = list(ordered)
    rng = random.Random("|".join(item["text"] for item in ordered))
    while [item["id"] for item in shuffled] == key:
        rng.shuffle(shuffled)
    return shuffled
