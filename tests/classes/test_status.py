"""A student's standing on an assignment: not started, in progress, late or finished."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ajquiz.classes.gradebook import standing_for
from ajquiz.classes.models import Extension
from ajquiz.classes.status import Status
from ajquiz.quizzes.attempts import abandon_attempt, finish_attempt, record_answer
from tests.factories import make_attempt

pytestmark = pytest.mark.django_db


def finished(quiz, student, *, at, right=(True, True, True), seed=1):
    attempt = make_attempt(quiz, student, now=at - timedelta(minutes=10), seed=seed)
    answers = ["b", "true", "1911"]
    for slot, is_right in enumerate(right):
        record_answer(attempt, slot, answers[slot] if is_right else "x", now=at)
    return finish_attempt(attempt, now=at)


def test_no_attempt_is_not_started_and_overdue_after_the_due_date(assignment, student, now):
    before = standing_for(assignment, student, now=now)
    assert (before.status, before.is_overdue, before.grade) == (Status.NOT_STARTED, False, None)
    after = standing_for(assignment, student, now=assignment.due_at + timedelta(seconds=1))
    assert (after.status, after.is_overdue, after.label) == (
        Status.NOT_STARTED,
        True,
        "Not started (overdue)",
    )


def test_an_open_attempt_is_in_progress(assignment, student, now):
    make_attempt(assignment.quiz, student, now=now)
    standing = standing_for(assignment, student, now=now)
    assert standing.status == Status.IN_PROGRESS
    assert standing.grade is None


def test_an_abandoned_attempt_does_not_count_as_started(assignment, student, now):
    abandon_attempt(make_attempt(assignment.quiz, student, now=now), now=now)
    assert standing_for(assignment, student, now=now).status == Status.NOT_STARTED


def test_an_attempt_finished_by_the_due_date_is_finished(assignment, student, now):
    finished(assignment.quiz, student, at=assignment.due_at, right=(True, True, False))
    standing = standing_for(assignment, student, now=assignment.due_at + timedelta(days=1))
    assert standing.status == Status.FINISHED
    assert standing.grade == 66.67
    assert standing.late_ids == set()


def test_an_attempt_finished_after_the_due_date_is_late(assignment, student):
    attempt = finished(assignment.quiz, student, at=assignment.due_at + timedelta(minutes=1))
    standing = standing_for(assignment, student, now=assignment.due_at + timedelta(days=1))
    assert standing.status == Status.LATE
    assert standing.label == "Late"
    assert standing.late_ids == {attempt.pk}
    assert standing.grade == 100.0


def test_one_attempt_on_time_makes_it_finished_and_the_late_one_is_still_marked(
    assignment, student
):
    on_time = finished(assignment.quiz, student, at=assignment.due_at - timedelta(hours=1))
    late = finished(assignment.quiz, student, at=assignment.due_at + timedelta(hours=1), seed=2)
    standing = standing_for(assignment, student, now=assignment.due_at + timedelta(days=1))
    assert standing.status == Status.FINISHED
    assert standing.late_ids == {late.pk}
    assert not standing.is_late_attempt(on_time)


def test_an_extension_moves_the_students_due_date(assignment, student):
    Extension.objects.create(
        assignment=assignment, student=student, due_at=assignment.due_at + timedelta(days=2)
    )
    finished(assignment.quiz, student, at=assignment.due_at + timedelta(days=1))
    standing = standing_for(assignment, student, now=assignment.due_at + timedelta(days=3))
    assert standing.status == Status.FINISHED
    assert standing.due_at == assignment.due_at + timedelta(days=2)


def test_an_attempt_whose_time_ran_out_ends_at_its_deadline_which_may_be_late(
    assignment, student, now
):
    """The gradebook finishes overdue attempts, dated at their deadline: on time here."""
    quiz = assignment.quiz
    quiz.time_limit = timedelta(minutes=20)
    quiz.save()
    start = assignment.due_at - timedelta(minutes=10)
    make_attempt(quiz, student, now=start)
    standing = standing_for(assignment, student, now=assignment.due_at + timedelta(hours=1))
    assert standing.status == Status.LATE  # its deadline (start + 20 min) is after the due date
    assert standing.attempts[0].finished_at == start + timedelta(minutes=20)
