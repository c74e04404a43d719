"""Starting, answering and finishing attempts in the domain, with the clock passed in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import QueryDict

from ajquiz.questions.payload import answer_from_post
from ajquiz.quizzes.attempts import (
    CannotStart,
    Outcome,
    finish_attempt,
    record_answer,
    record_answers,
    start_attempt,
)
from ajquiz.quizzes.models import Attempt, Quiz, Response
from tests.factories import make_attempt, make_question, make_quiz
from tests.quizzes.conftest import KINDS, RIGHT, WRONG

pytestmark = pytest.mark.django_db


def form(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def test_starting_again_resumes_the_open_attempt(student, now):
    quiz = make_quiz([make_question("mc")])
    first = make_attempt(quiz, student, now=now)
    again = start_attempt(quiz, student, now=now + timedelta(minutes=5))
    assert again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_starting_after_the_open_attempts_time_ran_out_finishes_it_and_starts_the_next(
    student, now
):
    quiz = make_quiz([make_question("mc")])
    first = make_attempt(quiz, student, now=now)
    Attempt.objects.filter(pk=first.pk).update(deadline=now + timedelta(minutes=10))
    later = now + timedelta(minutes=10) + quiz.grace_period + timedelta(seconds=1)
    second = start_attempt(quiz, student, now=later)
    first.refresh_from_db()
    assert (first.state, first.ended_by_time) == (Attempt.State.FINISHED, True)
    assert first.finished_at == now + timedelta(minutes=10)  # its deadline
    assert (second.number, second.state) == (2, Attempt.State.IN_PROGRESS)


def test_a_new_attempt_after_finishing_gets_the_next_number(student, now):
    quiz = make_quiz([make_question("mc")])
    finish_attempt(make_attempt(quiz, student, now=now), now=now)
    second = make_attempt(quiz, student, now=now + timedelta(minutes=1))
    assert second.number == 2


def test_it_refuses_a_start_beyond_the_attempts_allowed(student, now):
    quiz = make_quiz([make_question("mc")], attempts_allowed=1)
    finish_attempt(make_attempt(quiz, student, now=now), now=now)
    with pytest.raises(CannotStart, match="used all 1 attempts"):
        start_attempt(quiz, student, now=now)


def test_an_abandoned_attempt_does_not_use_up_an_attempt(student, now):
    from ajquiz.quizzes.attempts import abandon_attempt

    quiz = make_quiz([make_question("mc")], attempts_allowed=1)
    abandon_attempt(make_attempt(quiz, student, now=now), now=now)
    assert start_attempt(quiz, student, now=now).number == 2


def test_it_refuses_a_start_before_opening_or_after_closing(student, now):
    quiz = make_quiz(
        [make_question("mc")],
        opens_at=now + timedelta(hours=1),
        closes_at=now + timedelta(hours=2),
    )
    with pytest.raises(CannotStart, match="not open"):
        start_attempt(quiz, student, now=now)
    with pytest.raises(CannotStart, match="not open"):
        start_attempt(quiz, student, now=now + timedelta(hours=2))
    assert start_attempt(quiz, student, now=now + timedelta(hours=1)).deadline == now + timedelta(
        hours=2
    )


def test_it_refuses_to_start_a_quiz_without_questions(student, now):
    with pytest.raises(CannotStart, match="no questions"):
        start_attempt(make_quiz([]), student, now=now)
    assert Attempt.objects.count() == 0


@pytest.mark.parametrize("kind", KINDS)
def test_a_right_answer_of_every_kind_earns_the_mark_and_a_wrong_one_nothing(kind, student, now):
    question = make_question(kind)
    quiz = make_quiz([question, make_question(kind)])
    attempt = make_attempt(quiz, student, now=now)
    right = answer_from_post(question, form(RIGHT[kind]("s1")), "s1")
    wrong = answer_from_post(question, form(WRONG[kind]("s2")), "s2")
    record_answers(attempt, {0: right, 1: wrong}, now=now)
    assert dict(attempt.responses.values_list("slot", "fraction")) == {0: 1.0, 1: 0.0}
    finish_attempt(attempt, now=now)
    assert attempt.score == 1.0


def test_submitting_the_same_answer_twice_changes_nothing(student, now):
    attempt = make_attempt(make_quiz([make_question("mc")]), student, now=now)
    first = record_answer(attempt, 0, "b", now=now)
    again = record_answer(attempt, 0, "b", now=now + timedelta(minutes=1))
    assert (first.outcome, again.outcome) == (Outcome.SAVED, Outcome.UNCHANGED)
    response = Response.objects.get(attempt=attempt)
    assert response.answered_at == now
    assert response.changed_at == now
    assert Response.objects.count() == 1


def test_deferred_feedback_lets_the_learner_change_and_clear_an_answer(student, now):
    quiz = make_quiz([make_question("mc")], feedback_mode=Quiz.FeedbackMode.DEFERRED)
    attempt = make_attempt(quiz, student, now=now)
    record_answer(attempt, 0, "a", now=now)
    changed = record_answer(attempt, 0, "b", now=now + timedelta(minutes=1))
    assert changed.outcome == Outcome.SAVED
    response = Response.objects.get(attempt=attempt)
    assert (response.answer, response.fraction) == ("b", 1.0)
    assert (response.answered_at, response.changed_at) == (now, now + timedelta(minutes=1))
    assert record_answer(attempt, 0, None, now=now).outcome == Outcome.CLEARED
    assert Response.objects.count() == 0


def test_the_responses_returned_are_those_stored(student, now):
    quiz = make_quiz([make_question("mc"), make_question("mc")], feedback_mode="deferred")
    attempt = make_attempt(quiz, student, now=now)

    def stored():
        return {response.slot: response.answer for response in attempt.responses.all()}

    first = record_answers(attempt, {0: "a", 1: "b"}, now=now)
    changed = record_answers(attempt, {0: "b"}, now=now)
    assert {slot: response.answer for slot, response in changed.responses.items()} == stored()
    assert stored() == {0: "b", 1: "b"} and first.responses.keys() == {0, 1}
    cleared = record_answers(attempt, {1: None}, now=now)
    assert {slot: response.answer for slot, response in cleared.responses.items()} == stored()
    assert stored() == {0: "b"}
    finish_attempt(attempt, now=now)
    assert record_answers(attempt, {0: "a"}, now=now).responses is None


def test_immediate_feedback_keeps_the_first_checked_answer(student, now):
    quiz = make_quiz([make_question("mc")], feedback_mode=Quiz.FeedbackMode.IMMEDIATE)
    attempt = make_attempt(quiz, student, now=now)
    record_answer(attempt, 0, "a", now=now)
    assert record_answer(attempt, 0, "b", now=now).outcome == Outcome.LOCKED
    assert record_answer(attempt, 0, None, now=now).outcome == Outcome.UNCHANGED
    assert Response.objects.get(attempt=attempt).answer == "a"


def test_an_empty_answer_records_nothing(student, now):
    attempt = make_attempt(make_quiz([make_question("sa")]), student, now=now)
    assert record_answer(attempt, 0, None, now=now).outcome == Outcome.EMPTY
    assert Response.objects.count() == 0


def test_it_refuses_an_answer_after_the_deadline_and_finishes_the_attempt(student, now):
    quiz = make_quiz(
        [make_question("mc"), make_question("tf")],
        time_limit=timedelta(minutes=10),
        grace_period=timedelta(seconds=30),
    )
    attempt = make_attempt(quiz, student, now=now)
    in_grace = now + timedelta(minutes=10, seconds=30)
    assert record_answer(attempt, 0, "b", now=in_grace).outcome == Outcome.SAVED
    late = record_answer(attempt, 1, "true", now=in_grace + timedelta(seconds=1))
    assert late.refused
    assert late.outcome == Outcome.TIME_UP
    assert "after the deadline" in late.message
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.finished_at == now + timedelta(minutes=10)
    assert attempt.ended_by_time is True
    assert attempt.score == 1.0
    assert list(attempt.responses.values_list("slot", flat=True)) == [0]


def test_it_refuses_an_answer_to_a_finished_attempt(student, now):
    attempt = make_attempt(make_quiz([make_question("mc")]), student, now=now)
    finish_attempt(attempt, now=now)
    saved = record_answer(attempt, 0, "b", now=now)
    assert saved.outcome == Outcome.CLOSED
    assert Response.objects.count() == 0


def test_an_answer_to_a_slot_outside_the_attempt_is_ignored(student, now):
    attempt = make_attempt(make_quiz([make_question("mc")]), student, now=now)
    assert record_answers(attempt, {5: "b", -1: "b"}, now=now) == {}
    assert Response.objects.count() == 0


def test_a_response_keeps_the_question_version_the_learner_saw(student, now):
    question = make_question("mc")
    attempt = make_attempt(make_quiz([question]), student, now=now)
    question.is_stale = True
    question.save()
    newer = make_question("mc", stem="A regenerated stem")
    record_answer(attempt, 0, "b", now=now)
    assert Response.objects.get().question_id == question.pk != newer.pk
