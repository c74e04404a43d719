from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from ajquiz.accounts.models import User
from ajquiz.accounts.roles import Role


class RoleAwareBackend(ModelBackend):
    """ModelBackend whose signed-in user comes with whether they are in the teacher group:
    the navigation asks on every page, and reading it with the user saves a query a page."""

    def get_user(self, user_id):
        in_teacher_group = Exists(
            User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=Role.TEACHER)
        )
        try:
            user = User._default_manager.annotate(in_teacher_group=in_teacher_group).get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
