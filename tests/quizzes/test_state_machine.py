"""The attempt's states (in progress -> finished | abandoned) and the rules of its clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from ajquiz.quizzes.attempts import abandon_attempt, finish_attempt, record_answer
from ajquiz.quizzes.models import Attempt, Response
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db


def unique_violation(name: str, sqlite_columns: str) -> str:
    """PostgreSQL names the constraint; SQLite lists the columns instead."""
    if connection.vendor == "postgresql":
        return name
    return f"UNIQUE constraint failed: {sqlite_columns}"


@pytest.fixture
def quiz(db):
    return make_quiz([make_question("mc"), make_question("tf")], time_limit=timedelta(minutes=10))


def test_a_new_attempt_is_in_progress_with_a_deadline_from_the_time_limit(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    assert attempt.state == Attempt.State.IN_PROGRESS
    assert attempt.number == 1
    assert attempt.started_at == now
    assert attempt.deadline == now + timedelta(minutes=10)
    assert attempt.finished_at is None
    assert attempt.seconds_left(now + timedelta(minutes=3, seconds=20)) == 400


def test_finishing_sums_the_responses_and_records_when(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    record_answer(attempt, 0, "b", now=now + timedelta(minutes=1))
    finish_attempt(attempt, now=now + timedelta(minutes=2))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.finished_at == now + timedelta(minutes=2)
    assert attempt.score == 1.0
    assert attempt.max_score == 2
    assert attempt.percent == 50.0
    assert attempt.ended_by_time is False


def test_a_finished_attempt_cannot_finish_or_be_abandoned_again(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    attempt.finish(now, score=0.0)
    with pytest.raises(ValueError, match="already finished"):
        attempt.finish(now, score=1.0)
    with pytest.raises(ValueError, match="already finished"):
        attempt.abandon(now)


def test_finishing_twice_through_the_domain_changes_nothing_the_second_time(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    finish_attempt(attempt, now=now + timedelta(minutes=1))
    finish_attempt(attempt, now=now + timedelta(minutes=5))
    attempt.refresh_from_db()
    assert attempt.finished_at == now + timedelta(minutes=1)


def test_an_abandoned_attempt_stays_abandoned(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    abandon_attempt(attempt, now=now + timedelta(minutes=1))
    finish_attempt(attempt, now=now + timedelta(minutes=2))
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.ABANDONED
    assert attempt.finished_at == now + timedelta(minutes=1)
    assert attempt.score is None


def test_answers_are_accepted_until_the_deadline_plus_grace(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    deadline = now + timedelta(minutes=10)
    assert quiz.grace_period == timedelta(seconds=30)
    assert attempt.accepts_answers(deadline)
    assert attempt.accepts_answers(deadline + timedelta(seconds=30))
    assert not attempt.accepts_answers(deadline + timedelta(seconds=31))


def test_an_attempt_finished_after_its_deadline_ends_at_the_deadline(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    finish_attempt(attempt, now=now + timedelta(days=1))
    attempt.refresh_from_db()
    assert attempt.finished_at == now + timedelta(minutes=10)
    assert attempt.ended_by_time is True


def test_the_deadline_is_capped_by_the_quiz_closing(student, now):
    quiz = make_quiz(
        [make_question("mc")],
        time_limit=timedelta(hours=1),
        closes_at=now + timedelta(minutes=20),
    )
    assert make_attempt(quiz, student, now=now).deadline == now + timedelta(minutes=20)


def test_an_attempt_without_limit_or_closing_has_no_deadline(student, now):
    attempt = make_attempt(make_quiz([make_question("mc")]), student, now=now)
    assert attempt.deadline is None
    assert attempt.seconds_left(now) is None
    assert attempt.accepts_answers(now + timedelta(days=365))


def test_the_database_refuses_a_second_open_attempt_at_one_quiz(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    with (
        pytest.raises(
            IntegrityError,
            match=unique_violation(
                "quizzes_attempt_one_open_per_quiz",
                "quizzes_attempt.quiz_id, quizzes_attempt.user_id",
            ),
        ),
        transaction.atomic(),
    ):
        Attempt.objects.create(
            quiz=quiz, user=student, number=2, slots=attempt.slots, started_at=now
        )


def test_the_database_refuses_a_second_response_to_one_slot(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    saved = record_answer(attempt, 0, "a", now=now)
    with (
        pytest.raises(
            IntegrityError,
            match=unique_violation(
                "quizzes_response_one_per_slot",
                "quizzes_response.attempt_id, quizzes_response.slot",
            ),
        ),
        transaction.atomic(),
    ):
        Response.objects.create(
            attempt=attempt,
            slot=0,
            question=saved.response.question,
            answer="b",
            fraction=1.0,
            answered_at=now,
            changed_at=now,
        )


def test_the_database_refuses_an_ended_attempt_without_an_end_time(quiz, student, now):
    attempt = make_attempt(quiz, student, now=now)
    with (
        pytest.raises(IntegrityError, match="quizzes_attempt_ended_has_time"),
        transaction.atomic(),
    ):
        Attempt.objects.filter(pk=attempt.pk).update(state=Attempt.State.FINISHED)
