"""Each scoring rule with worked numbers: per question (through grade()), per attempt, and the
quiz grade across attempts by grading method."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ajquiz.questions.models import Question
from ajquiz.quizzes.models import Attempt, Quiz
from ajquiz.quizzes.scoring import (
    attempt_score,
    grade_answer,
    grade_for,
    has_passed,
    percentage,
    quiz_grade,
)
from tests.factories import SAMPLE_QUESTIONS


def sample(kind, **payload_changes):
    payload, stem = SAMPLE_QUESTIONS[kind]
    return Question(kind=kind, stem=stem, payload={**payload, **payload_changes})


# Several keys: US, Japan, France right (k = 3); Germany, Italy wrong (n - k = 2).
# Each right option chosen earns 1/3, each wrong one costs 1/2, never below zero.
@pytest.mark.parametrize(
    ("chosen", "fraction"),
    [
        (["a", "b", "c"], 1.0),
        (["a", "b"], 0.666667),  # 2/3
        (["a", "b", "d"], 0.166667),  # 2/3 - 1/2
        (["a", "d"], 0.0),  # 1/3 - 1/2 < 0 -> 0
        (["a", "d", "e"], 0.0),  # 1/3 - 1 -> 0, never negative
        (["a", "b", "c", "d", "e"], 0.0),  # 1 - 1: ticking everything earns nothing
        (["d"], 0.0),
    ],
)
def test_several_key_choice_earns_moodle_style_fractions_never_below_zero(chosen, fraction):
    assert grade_answer(sample("mr"), chosen).fraction == fraction


def test_one_key_choice_is_all_or_nothing():
    assert grade_answer(sample("mc"), "b").fraction == 1.0
    assert grade_answer(sample("mc"), "a").fraction == 0.0


# Matching: 3 pairs, each worth 1/3.
@pytest.mark.parametrize(
    ("answer", "fraction"),
    [
        ({"l1": "r1", "l2": "r2", "l3": "r3"}, 1.0),
        ({"l1": "r1", "l2": "r2", "l3": "r1"}, 0.666667),
        ({"l1": "r1", "l2": "r3"}, 0.333333),  # an unanswered pair earns nothing
        ({"l1": "r2", "l2": "r3", "l3": "r1"}, 0.0),
    ],
)
def test_matching_earns_a_share_per_right_pair(answer, fraction):
    assert grade_answer(sample("match"), answer).fraction == fraction


# Ordering, key i4 < i2 < i1 < i3 (n = 4): the longest run in the right relative order has
# L items, scoring (L - 1) / (n - 1).
@pytest.mark.parametrize(
    ("answer", "fraction"),
    [
        (["i4", "i2", "i1", "i3"], 1.0),  # L = 4 -> 3/3
        (["i2", "i4", "i1", "i3"], 0.666667),  # swap the first two: L = 3 -> 2/3
        (["i3", "i4", "i2", "i1"], 0.666667),  # last item moved to the front: L = 3
        (["i4", "i3", "i1", "i2"], 0.333333),  # L = 2 (i4, i1) -> 1/3
        (["i3", "i1", "i2", "i4"], 0.0),  # fully reversed: L = 1 -> 0
        (["i4", "i2", "i1"], 0.0),  # an item missing: not a valid order
    ],
)
def test_ordering_scores_the_longest_correctly_ordered_subsequence(answer, fraction):
    assert grade_answer(sample("order"), answer).fraction == fraction


@pytest.mark.parametrize(
    ("typed", "fraction"),
    [("1911", 1.0), ("1913", 1.0), ("1909", 1.0), ("1914", 0.0), ("1908", 0.0), ("soon", 0.0)],
)
def test_numeric_answers_within_the_tolerance_are_right(typed, fraction):
    question = sample("num", tolerance=2)
    assert grade_answer(question, typed).fraction == fraction


def test_short_answers_ignore_case_accents_and_accepted_variants():
    question = sample("sa")
    assert grade_answer(question, "hayashi tadasu").fraction == 1.0
    assert grade_answer(question, "Tadasu Hayashi").fraction == 1.0
    assert grade_answer(question, "Katō").fraction == 0.0


def test_an_unanswered_question_earns_nothing():
    assert grade_answer(sample("mc"), None).fraction == 0.0


def test_an_attempt_scores_the_sum_of_its_fractions_one_mark_per_slot():
    # Four slots: right (1), half (0.5), a 2/3 - 1/2 choice (0.166667), unanswered (0).
    score = attempt_score([1.0, 0.5, 0.166667])
    assert score == 1.666667
    assert percentage(score, 4) == 41.67
    assert percentage(0.0, 10) == 0.0
    assert percentage(None, 10) is None


@pytest.mark.parametrize(
    ("method", "grade"),
    [("highest", 80.0), ("average", 60.0), ("first", 40.0), ("last", 60.0)],
)
def test_the_quiz_grade_follows_the_grading_method(method, grade):
    # Attempts oldest first: 40 %, 80 %, 60 %.
    assert quiz_grade([40.0, 80.0, 60.0], method) == grade


def test_an_average_is_rounded_to_two_places_and_no_attempt_has_no_grade():
    assert quiz_grade([50.0, 75.0, 70.0], "average") == 65.0
    assert quiz_grade([33.33, 66.67, 50.0], "average") == 50.0
    assert quiz_grade([10.0, 20.0, 25.0], "average") == 18.33
    assert quiz_grade([], "highest") is None


def test_the_pass_mark_is_a_percentage_reached_or_not():
    assert has_passed(60.0, 60) is True
    assert has_passed(59.99, 60) is False
    assert has_passed(None, 60) is None
    assert has_passed(90.0, None) is None


def test_only_finished_attempts_count_oldest_first_whatever_the_order_given():
    start = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    quiz = Quiz(grading_method=Quiz.GradingMethod.FIRST)
    finished = Attempt.State.FINISHED

    def attempt(number, state, score):
        return Attempt(
            number=number,
            state=state,
            score=score,
            max_score=4,
            started_at=start + timedelta(hours=number),
        )

    attempts = [
        attempt(3, finished, 4.0),
        attempt(1, Attempt.State.ABANDONED, 0.0),
        attempt(2, finished, 1.0),
        attempt(4, Attempt.State.IN_PROGRESS, None),
    ]
    assert grade_for(attempts, quiz) == 25.0
    quiz.grading_method = Quiz.GradingMethod.LAST
    assert grade_for(attempts, quiz) == 100.0
    quiz.grading_method = Quiz.GradingMethod.AVERAGE
    assert grade_for(attempts, quiz) == 62.5
