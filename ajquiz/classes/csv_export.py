"""CSV downloads that spreadsheets open correctly: UTF-8 with a byte order mark (Excel reads a
file without one as the local code page and garbles "–" or "Ōkuma"), CRLF line ends, and
cells that would start a formula neutralised (CSV injection: a student named "=HYPERLINK(…)"
must not become a live formula in the teacher's spreadsheet).
"""

from __future__ import annotations

import csv
import io
import re

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not NUMBER.match(text):
        return "'" + text
    return text


def csv_text(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return BOM + buffer.getvalue()


def csv_response(rows, *, filename: str) -> HttpResponse:
    response = HttpResponse(csv_text(rows).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
