from django.core.management.base import BaseCommand, CommandError

from ajquiz.questions.lint import lint
from ajquiz.questions.models import Question


class Command(BaseCommand):
    help = "Check the current question bank against the item-writing rules; non-zero on any."

    def handle(self, *args, **options):
        questions = Question.objects.current().select_related("template")
        findings = lint(questions)
        for finding in findings:
            self.stdout.write(str(finding))
        if findings:
            raise CommandError(f"{len(findings)} finding(s) in {questions.count()} questions.")
        self.stdout.write(f"{questions.count()} questions: no findings.")
