from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from ajquiz.interop.exports import NothingToExport, anki_file

from ._base import ExportCommand, find_user


class Command(ExportCommand):
    help = "Export the facts of a topic, a source, a teacher's set or everything as an .apkg."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scope",
            required=True,
            help='"topic:<slug>", "source:<slug>", "all", or "set:<uuid>" with --author.',
        )
        parser.add_argument("--author", help="The teacher whose set “set:…” names.")
        parser.add_argument("--output", type=Path, required=True, help="The .apkg file to write.")
        parser.add_argument(
            "--base-url",
            default="",
            help="Site address for source links, e.g. https://ajquiz.example",
        )

    def handle(self, *args, scope: str, output: Path, base_url: str, author=None, **options):
        chosen = self.scope(scope, find_user(author) if author else None)
        if chosen.kind == "mine":
            raise CommandError("A deck is a topic, a source, a set or all facts, not “mine”.")
        try:
            download = anki_file(chosen, now=timezone.now(), base_url=base_url)
        except NothingToExport as empty:
            raise CommandError(str(empty)) from None
        self.write(download, output)
