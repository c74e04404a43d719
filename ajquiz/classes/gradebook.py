"""The gradebook of a class: its students (rows) by its assignments (columns), each cell the
student's standing (classes/status.py), and the same as CSV.

Loaded in a fixed number of queries whatever the size of the class: the students, the
assignments with their quizzes, the extensions, the overdue attempts to finish, and the
attempts; nothing is queried per cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ajquiz.classes.csv_export import csv_response
from ajquiz.classes.models import Assignment, Classroom, Extension, Membership
from ajquiz.classes.status import Standing, standing_of
from ajquiz.quizzes.attempts import finish_overdue
from ajquiz.quizzes.models import Attempt


@dataclass
class Cell:
    assignment: Assignment
    standing: Standing


@dataclass
class Row:
    membership: Membership
    cells: list[Cell]

    @property
    def student(self):
        return self.membership.student


@dataclass
class Gradebook:
    classroom: Classroom
    assignments: list[Assignment]
    rows: list[Row]


def attempts_by_learner_and_quiz(quiz_ids, user_ids, *, now) -> dict[tuple[int, int], list]:
    """{(user id, quiz id): [attempts]}, after finishing the attempts whose time ran out."""
    attempts = Attempt.objects.filter(quiz_id__in=quiz_ids, user_id__in=user_ids)
    finish_overdue(attempts, now)
    grouped: dict[tuple[int, int], list] = defaultdict(list)
    for attempt in attempts.exclude(state=Attempt.State.ABANDONED).defer("slots"):
        grouped[attempt.user_id, attempt.quiz_id].append(attempt)
    return grouped


def extension_dates(assignments) -> dict[tuple[int, int], object]:
    """{(assignment id, student id): due date} of the extensions granted on `assignments`."""
    return {
        (assignment_id, student_id): due_at
        for assignment_id, student_id, due_at in Extension.objects.filter(
            assignment__in=assignments
        ).values_list("assignment_id", "student_id", "due_at")
    }


def gradebook_for(classroom: Classroom, *, now, only: Assignment | None = None) -> Gradebook:
    """Every assignment of the class, or `only` one (an assignment's own page)."""
    memberships = list(classroom.memberships.select_related("student"))
    assignments = [only] if only else list(classroom.assignments.select_related("quiz"))
    extensions = extension_dates(assignments)
    attempts = attempts_by_learner_and_quiz(
        [assignment.quiz_id for assignment in assignments],
        [membership.student_id for membership in memberships],
        now=now,
    )
    rows = []
    for membership in memberships:
        cells = []
        for assignment in assignments:
            due_at = extensions.get((assignment.pk, membership.student_id), assignment.due_at)
            standing = standing_of(
                attempts.get((membership.student_id, assignment.quiz_id), []),
                quiz=assignment.quiz,
                due_at=due_at,
                now=now,
            )
            cells.append(Cell(assignment, standing))
        rows.append(Row(membership, cells))
    return Gradebook(classroom, assignments, rows)


def standing_for(assignment: Assignment, student, *, now) -> Standing:
    """One student's standing on one assignment (with all their attempts, oldest first)."""
    extension = Extension.objects.filter(assignment=assignment, student=student).first()
    attempts = attempts_by_learner_and_quiz([assignment.quiz_id], [student.pk], now=now)
    return standing_of(
        attempts.get((student.pk, assignment.quiz_id), []),
        quiz=assignment.quiz,
        due_at=extension.due_at if extension else assignment.due_at,
        now=now,
    )


def gradebook_csv(book: Gradebook, *, filename: str):
    """One row per student: username, name, then per assignment the grade (%), the status,
    the due date that applied to the student and the number of finished attempts."""
    header = ["Username", "Name"]
    for assignment in book.assignments:
        title = assignment.quiz.title
        header += [f"{title}: grade (%)", f"{title}: status", f"{title}: due", f"{title}: tries"]
    rows = [header]
    for row in book.rows:
        line = [row.student.username, row.student.get_full_name()]
        for cell in row.cells:
            standing = cell.standing
            line += [
                "" if standing.grade is None else f"{standing.grade:g}",
                standing.label,
                standing.due_at.strftime("%Y-%m-%d %H:%M UTC"),
                sum(1 for attempt in standing.attempts if attempt.is_finished),
            ]
        rows.append(line)
    return csv_response(rows, filename=filename)
