"""Who may see an attempt, and who may take a quiz: rules that higher layers can extend.

quizzes cannot import the classes app (it sits above), yet a teacher must see the attempts of
the students in their classes, and a student must be able to take a quiz assigned to their
class. So the classes app adds rules here when it starts, with no setting involved:

    # ajquiz/classes/apps.py
    class ClassesConfig(AppConfig):
        def ready(self):
            from ajquiz.quizzes import visibility
            visibility.add_attempt_rule(
                lambda viewer: Q(user__memberships__classroom__teacher=viewer)
            )
            visibility.add_quiz_rule(
                lambda viewer: Q(assignments__classroom__memberships__student=viewer)
            )

A rule takes the viewing user and returns a Q over Attempt (or Quiz) that is OR-ed with the
built-in rules. Rules that join to many rows must not duplicate results: the querysets apply
them through a subquery on the primary key.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q

Rule = Callable[[object], Q]

_attempt_rules: list[Rule] = []
_quiz_rules: list[Rule] = []


def add_attempt_rule(rule: Rule) -> None:
    if rule not in _attempt_rules:
        _attempt_rules.append(rule)


def add_quiz_rule(rule: Rule) -> None:
    if rule not in _quiz_rules:
        _quiz_rules.append(rule)


def remove_rule(rule: Rule) -> None:
    for rules in (_attempt_rules, _quiz_rules):
        if rule in rules:
            rules.remove(rule)


def attempt_filter(viewer) -> Q:
    """A learner sees their own attempts; registered rules may let others see more."""
    allowed = Q(user=viewer)
    for rule in _attempt_rules:
        allowed |= rule(viewer)
    return allowed


def quiz_filter(viewer) -> Q:
    """Public quizzes and one's own; registered rules (assignments) add more."""
    allowed = Q(is_public=True) | Q(owner=viewer)
    for rule in _quiz_rules:
        allowed |= rule(viewer)
    return allowed


def has_extra_rules() -> bool:
    return bool(_attempt_rules or _quiz_rules)
