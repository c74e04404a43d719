from __future__ import annotations

from django.apps import AppConfig
from django.db.models import F, Q


def teacher_sees_assigned_attempts(viewer) -> Q:
    """A teacher reads the attempts of a student in one of their classes at a quiz assigned to
    that same class (both conditions in one Q, so they share the join to the class)."""
    return Q(
        quiz__assignments__classroom__teacher=viewer,
        quiz__assignments__classroom__memberships__student=F("user"),
    )


def student_takes_assigned_quizzes(viewer) -> Q:
    """A student may take a quiz assigned to a class they are in."""
    return Q(assignments__classroom__memberships__student=viewer)


def teacher_sees_students_progress(viewer) -> Q:
    """A teacher reads the progress dashboard of every student in one of their classes."""
    return Q(class_memberships__classroom__teacher=viewer)


class ClassesConfig(AppConfig):
    name = "ajquiz.classes"
    verbose_name = "Classes"

    def ready(self):
        from ajquiz.progress import visibility as progress_visibility
        from ajquiz.quizzes import visibility

        visibility.add_attempt_rule(teacher_sees_assigned_attempts)
        visibility.add_quiz_rule(student_takes_assigned_quizzes)
        progress_visibility.add_learner_rule(teacher_sees_students_progress)
