from django.core.management.base import BaseCommand, CommandError

from ajquiz.accounts.models import User
from ajquiz.accounts.roles import make_teacher


class Command(BaseCommand):
    help = "Give an existing user the teacher role."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as missing:
            raise CommandError(f"No user named {username!r}.") from missing
        make_teacher(user)
        self.stdout.write(f"{username} is now a teacher.")
