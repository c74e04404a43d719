from __future__ import annotations

from ._base import ExportCommand


class Command(ExportCommand):
    help = "Export questions as Moodle XML, with source citations in the general feedback."
    file_format = "moodle_xml"
