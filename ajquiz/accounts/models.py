from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator
from django.db import models

from ajquiz.accounts.roles import Role
from ajquiz.accounts.zones import validate_time_zone


class User(AbstractUser):
    """A learner, teacher or administrator. The role is a group (see roles.py)."""

    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="Your study day starts here, and times are shown in it.",
    )
    day_starts_at = models.PositiveSmallIntegerField(
        "study day starts at",
        default=0,
        validators=[MaxValueValidator(23)],
        help_text=(
            "The hour your study day starts. At 4, cards you study before 4 a.m. count towards "
            "the day before, as in Anki."
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def role(self) -> str:
        if self.is_staff:
            return Role.ADMIN
        if self._in_group(Role.TEACHER):
            return Role.TEACHER
        return Role.STUDENT

    @property
    def is_teacher(self) -> bool:
        return self.is_staff or self._in_group(Role.TEACHER)

    def _in_group(self, name: str) -> bool:
        if name == Role.TEACHER and "in_teacher_group" in self.__dict__:
            return self.in_teacher_group  # read with the user (accounts/backends.py)
        # Cached per instance: the navigation asks on every page.
        cache = self.__dict__.setdefault("_group_names", None)
        if cache is None:
            cache = set(self.groups.values_list("name", flat=True))
            self.__dict__["_group_names"] = cache
        return name in cache
