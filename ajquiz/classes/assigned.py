"""A student's assignments with their standing, for the home page and "My classes".

Queries: the assignments with their quizzes and classes (1), the student's extensions (1),
the overdue attempts to finish (1) and the attempts (1), whatever the number of classes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ajquiz.classes.gradebook import attempts_by_learner_and_quiz
from ajquiz.classes.models import Assignment, Extension
from ajquiz.classes.status import Standing, Status, standing_of


@dataclass
class AssignedQuiz:
    assignment: Assignment
    standing: Standing

    @property
    def is_done(self) -> bool:
        return self.standing.status in (Status.FINISHED, Status.LATE)


def assigned_to(student, *, now) -> list[AssignedQuiz]:
    """Work still to do first (soonest due first), then work done (most recently due first)."""
    assignments = list(Assignment.objects.for_student(student).select_related("quiz", "classroom"))
    if not assignments:  # a learner in no class: the rest would build empty queries (1 ms)
        return []
    extensions = dict(
        Extension.objects.filter(student=student, assignment__in=assignments).values_list(
            "assignment_id", "due_at"
        )
    )
    attempts = attempts_by_learner_and_quiz(
        {assignment.quiz_id for assignment in assignments}, [student.pk], now=now
    )
    listed = [
        AssignedQuiz(
            assignment,
            standing_of(
                attempts.get((student.pk, assignment.quiz_id), []),
                quiz=assignment.quiz,
                due_at=extensions.get(assignment.pk, assignment.due_at),
                now=now,
            ),
        )
        for assignment in assignments
    ]
    to_do = sorted((item for item in listed if not item.is_done), key=lambda i: i.standing.due_at)
    done = sorted(
        (item for item in listed if item.is_done), key=lambda i: i.standing.due_at, reverse=True
    )
    return to_do + done
