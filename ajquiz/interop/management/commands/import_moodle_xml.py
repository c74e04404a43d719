from __future__ import annotations

from ajquiz.interop.models import ImportBatch

from ._base import ImportCommand


class Command(ImportCommand):
    help = (
        "Import a Moodle XML file as hand-written questions: all of it, or nothing if any "
        "line has an error."
    )
    file_format = ImportBatch.Format.MOODLE_XML
