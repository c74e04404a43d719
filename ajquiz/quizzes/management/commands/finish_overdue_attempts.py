from django.core.management.base import BaseCommand
from django.utils import timezone

from ajquiz.quizzes.attempts import finish_overdue
from ajquiz.quizzes.models import Attempt


class Command(BaseCommand):
    help = (
        "Submit every attempt whose time (plus grace) has run out. Pages do this lazily when "
        "they meet such an attempt; run this from cron so gradebooks are current too."
    )

    def handle(self, *args, **options):
        count = finish_overdue(Attempt.objects.all(), timezone.now())
        self.stdout.write(f"Finished {count} overdue attempt{'s' if count != 1 else ''}.")
