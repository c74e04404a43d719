from __future__ import annotations

from ._base import ExportCommand


class Command(ExportCommand):
    help = "Export questions as GIFT, with source citations in the general feedback."
    file_format = "gift"
