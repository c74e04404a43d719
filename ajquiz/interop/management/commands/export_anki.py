from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from ajquiz.interop.exports import NothingToExport, anki_file

from ._base import ExportCommand


class Command(ExportCommand):
    help = "Export the facts of a topic, a source or everything as an Anki deck (.apkg)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scope", required=True, help='"topic:<slug>", "source:<slug>" or "all".'
        )
        parser.add_argument("--output", type=Path, required=True, help="The .apkg file to write.")
        parser.add_argument(
            "--base-url",
            default="",
            help="Site address for source links, e.g. https://ajquiz.example",
        )

    def handle(self, *args, scope: str, output: Path, base_url: str, **options):
        chosen = self.scope(scope)
        if chosen.kind == "mine":
            raise CommandError("A deck is a topic, a source or all facts, not “mine”.")
        try:
            download = anki_file(chosen, now=timezone.now(), base_url=base_url)
        except NothingToExport as empty:
            raise CommandError(str(empty)) from None
        self.write(download, output)
