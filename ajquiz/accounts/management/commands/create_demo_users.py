from django.core.management.base import BaseCommand

from ajquiz.accounts.models import User
from ajquiz.accounts.roles import make_admin, make_student, make_teacher

DEMO_ACCOUNTS = (
    ("student", "ajquiz-student", make_student),
    ("teacher", "ajquiz-teacher", make_teacher),
    ("admin", "ajquiz-admin", make_admin),
)


class Command(BaseCommand):
    help = "Create (or reset) the demo accounts student, teacher and admin, and print passwords."

    def handle(self, *args, **options):
        for username, password, give_role in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.save()
            give_role(user)
            self.stdout.write(f"  {username:<8} password: {password}")
