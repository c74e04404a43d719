from django.core.management.base import BaseCommand

from ajquiz.questions.bank import refresh_bank


class Command(BaseCommand):
    help = "Generate the question bank from the facts and templates; mark changed ones stale."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds", type=int, default=1, help="Variants per template and fact (default 1)."
        )

    def handle(self, *args, seeds: int, **options):
        report = refresh_bank(seeds=range(seeds))
        per_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(report.per_kind.items()))
        self.stdout.write(
            f"Questions: {report.created} new, {report.kept} kept, {report.stale} marked stale. "
            f"Current per kind: {per_kind}."
        )
