from django.core.management.base import BaseCommand, CommandError

from ajquiz.content.loading import ContentError, load_content


class Command(BaseCommand):
    help = "Load the sources, entities, topics, facts and templates from fixtures/ (idempotent)."

    def handle(self, *args, **options):
        try:
            report = load_content()
        except ContentError as error:
            for problem in error.problems:
                self.stdout.write(str(problem))
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Loaded {report.sources} sources, {report.facts} facts and {report.templates} "
            f"templates ({report.removed_facts} facts no longer in the fixtures removed)."
        )
