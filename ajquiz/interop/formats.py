"""The import formats and their parsers, by ImportBatch.Format."""

from __future__ import annotations

import re

from .aiken import parse_aiken
from .csv_io import parse_questions_csv
from .gift import parse_gift
from .models import ImportBatch
from .moodle_xml import parse_moodle_xml
from .parsed import ParseResult, Problem

Format = ImportBatch.Format
PARSERS = {
    Format.GIFT: parse_gift,
    Format.MOODLE_XML: parse_moodle_xml,
    Format.AIKEN: parse_aiken,
    Format.CSV: parse_questions_csv,
}


ANSWER_LINE = re.compile(r"^\s*ANSWER\s*:", re.I | re.M)


def parse_file(file_format: str, text: str) -> ParseResult:
    """Parse `text` as `file_format`; a file that fails and looks like another format says so
    first, since choosing the wrong format is the likeliest mistake."""
    result = PARSERS[file_format](text)
    guess = guess_format(text)
    if result.errors and guess and guess != file_format:
        hint = (
            f"this file looks like {Format(guess).label}, not {Format(file_format).label}: "
            f"upload it again choosing {Format(guess).label}"
        )
        result.errors.insert(0, Problem(1, hint))
    return result


def guess_format(text: str) -> str | None:
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if start.startswith(("<?xml", "<quiz")):
        return Format.MOODLE_XML
    if start.startswith("kind,") or ",kind," in start.split("\n", 1)[0]:
        return Format.CSV
    if ANSWER_LINE.search(text) and "{" not in text:
        return Format.AIKEN
    if "{" in text and "}" in text:
        return Format.GIFT
    return None
