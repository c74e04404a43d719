"""The import formats and their parsers, by ImportBatch.Format."""

from __future__ import annotations

from .aiken import parse_aiken
from .csv_io import parse_questions_csv
from .gift import parse_gift
from .models import ImportBatch
from .moodle_xml import parse_moodle_xml
from .parsed import ParseResult

Format = ImportBatch.Format
PARSERS = {
    Format.GIFT: parse_gift,
    Format.MOODLE_XML: parse_moodle_xml,
    Format.AIKEN: parse_aiken,
    Format.CSV: parse_questions_csv,
}


def parse_file(file_format: str, text: str) -> ParseResult:
    return PARSERS[file_format](text)
