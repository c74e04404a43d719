"""Who may read a learner's progress: the learner, admins, and viewers a higher app allows.

The classes app (beside progress on the top layer, so it is not imported here) lets a teacher
read the dashboards of the students in their classes by adding a rule when it starts:

    visibility.add_learner_rule(lambda viewer: Q(class_memberships__classroom__teacher=viewer))

A rule takes the viewing user and returns a Q over the user model, OR-ed with the learner's own
row; the queryset applies the rules through a primary-key subquery, so joins never duplicate.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import Q

Rule = Callable[[object], Q]
_learner_rules: list[Rule] = []


def add_learner_rule(rule: Rule) -> None:
    if rule not in _learner_rules:
        _learner_rules.append(rule)


def learners_visible_to(viewer):
    users = get_user_model().objects.all()
    if viewer.is_staff:
        return users
    allowed = Q(pk=viewer.pk)
    for rule in _learner_rules:
        allowed |= rule(viewer)
    return users.filter(pk__in=users.filter(allowed).values("pk"))
