from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ajquiz.content.fixtures import FIXTURE_ROOT, fix_offsets
from ajquiz.content.validation import validate_fixtures


class Command(BaseCommand):
    help = (
        "Check every fixture fact: the quote equals the source text at its offsets, slugs "
        "resolve, the object fits the predicate, dates parse, no duplicates, and several dates "
        "or numbers for one subject and predicate each carry their own qualifier."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix-offsets",
            action="store_true",
            dest="fix",
            help="Rewrite start/end of facts whose quote occurs exactly once in its source.",
        )
        parser.add_argument(
            "--root",
            type=Path,
            default=FIXTURE_ROOT,
            help="The fixture folder (default: fixtures/).",
        )

    def handle(self, *args, fix: bool, root: Path, **options):
        if fix:
            for origin, slug in fix_offsets(root):
                self.stdout.write(f"{origin}:{slug}: offsets fixed")
        problems = validate_fixtures(root)
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in the fixtures.")
        self.stdout.write(f"The fixtures in {root} are valid.")
