"""Item analysis against a small example worked out by hand.

Five students, four one-mark questions (1 = right, 0 = wrong):

            Q1  Q2  Q3  Q4 | X (total)
    s1       1   1   1   0 |  3
    s2       1   1   1   0 |  3
    s3       1   1   0   1 |  3
    s4       1   0   0   0 |  1
    s5       0   0   0   1 |  1

Sample variances and covariances divide by s - 1 = 4. For each question, x its marks and
y = X - x the rest of the test:

Q1: x = 1,1,1,1,0 (mean 4/5), y = 2,2,2,0,1 (mean 7/5).
    var x = (4·(1/5)² + (4/5)²)/4 = (4/25 + 16/25)/4 = 1/5;
    var y = (3·(3/5)² + (7/5)² + (2/5)²)/4 = (27 + 49 + 4)/25/4 = 4/5;
    cov = ((1/5)(3/5)·3 + (1/5)(-7/5) + (-4/5)(-2/5))/4 = (9 - 7 + 8)/25/4 = 1/10;
    D = 100 · (1/10) / sqrt(1/5 · 4/5) = 100 · 0.1 / 0.4 = 25.
    Sorted x = 0,1,1,1,1 with sorted y = 0,1,2,2,2 (mean 7/5):
    cov_max = ((-4/5)(-7/5) + (1/5)(-2/5) + 3·(1/5)(3/5))/4 = (28 - 2 + 9)/25/4 = 7/20;
    E = 100 · (1/10)/(7/20) = 200/7 ≈ 28.571.  Facility 80 %, SD = sqrt(1/5) ≈ 44.721 %.
Q2: x = 1,1,1,0,0 (mean 3/5), y = 2,2,2,1,1 = 1 + x, so cov = var x = var y = 3/10:
    D = 100, E = 100.  Facility 60 %, SD = sqrt(3/10) ≈ 54.772 %.
Q3: x = 1,1,0,0,0 (mean 2/5), y = 2,2,3,1,1 (mean 9/5).
    var x = (2·(3/5)² + 3·(2/5)²)/4 = (18 + 12)/25/4 = 3/10;
    var y = (2·(1/5)² + (6/5)² + 2·(4/5)²)/4 = (2 + 36 + 32)/25/4 = 7/10;
    cov = (2·(3/5)(1/5) + (-2/5)(6/5) + 2·(-2/5)(-4/5))/4 = (6 - 12 + 16)/25/4 = 1/10;
    D = 100 · (1/10)/sqrt(21/100) = 100/sqrt(21) ≈ 21.822.
    Sorted x = 0,0,0,1,1 with sorted y = 1,1,2,2,3: cov_max = (2·(-2/5)(-4/5) + (-2/5)(1/5)
        + (3/5)(1/5) + (3/5)(6/5))/4 = (16 - 2 + 3 + 18)/25/4 = 7/20; E = 200/7 ≈ 28.571.
Q4: x = 0,0,1,0,1 (mean 2/5), y = 3,3,2,1,0 (mean 9/5).
    var x = 3/10; var y = (2·(6/5)² + (1/5)² + (4/5)² + (9/5)²)/4 = (72 + 1 + 16 + 81)/25/4 = 17/10;
    cov = (2·(-2/5)(6/5) + (3/5)(1/5) + (-2/5)(-4/5) + (3/5)(-9/5))/4
        = (-24 + 3 + 8 - 27)/25/4 = -2/5;
    D = 100 · (-2/5)/sqrt(51/100) = -400/sqrt(51) ≈ -56.011 (negative: flagged).
    Sorted x = 0,0,0,1,1 with sorted y = 0,1,2,3,3: cov_max = ((-2/5)(-9/5 - 4/5 + 1/5)
        + (3/5)(6/5 + 6/5))/4 = (24 + 36)/25/4 = 3/5; E = -200/3 ≈ -66.667.
Test: X = 3,3,3,1,1, mean 11/5 of 4 marks = 55 %, median 3 = 75 %,
    k2 = var X = (3·(4/5)² + 2·(6/5)²)/4 = (48 + 72)/25/4 = 6/5, SD = sqrt(6/5) marks ≈ 27.386 %;
    Σ var x_i = 1/5 + 3/10 + 3/10 + 3/10 = 11/10;
    CIC = 100 · 4/3 · (1 - (11/10)/(6/5)) = 100 · 4/3 · 1/12 = 100/9 ≈ 11.111 %;
    ER = 100 · sqrt(1 - 1/9) = 100 · sqrt(8/9) ≈ 94.281 %;
    SE = ER/100 · SD = sqrt(8/9 · 6/5) = sqrt(16/15) marks ≈ 1.0328, i.e. 25.820 % of 4 marks.
"""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from pytest import approx

from ajquiz.classes.analysis import Which, quiz_report, template_report
from ajquiz.classes.hints import discrimination_hint, facility_hint, item_hint
from ajquiz.classes.item_analysis import item_stats, quiz_stats
from ajquiz.classes.models import Assignment, Membership
from ajquiz.content.models import QuestionTemplate
from ajquiz.quizzes.attempts import finish_attempt, record_answer
from tests.factories import make_attempt, make_question, make_quiz, make_user

MARKS = [
    [1, 1, 1, 0],
    [1, 1, 1, 0],
    [1, 1, 0, 1],
    [1, 0, 0, 0],
    [0, 0, 0, 1],
]
TOTALS = [sum(row) for row in MARKS]
EXPECTED = [
    # facility %, SD %, discrimination index, discriminative efficiency
    (80.0, 100 * math.sqrt(1 / 5), 25.0, 200 / 7),
    (60.0, 100 * math.sqrt(3 / 10), 100.0, 100.0),
    (40.0, 100 * math.sqrt(3 / 10), 100 / math.sqrt(21), 200 / 7),
    (40.0, 100 * math.sqrt(3 / 10), -400 / math.sqrt(51), -200 / 3),
]


def column(index):
    return [row[index] for row in MARKS]


@pytest.mark.parametrize("index", range(4))
def test_each_item_matches_the_hand_worked_example(index):
    marks = column(index)
    stats = item_stats(marks, [total - mark for total, mark in zip(TOTALS, marks, strict=True)])
    facility, sd, discrimination, efficiency = EXPECTED[index]
    assert stats.attempts == 5
    assert stats.facility == approx(facility)
    assert stats.sd == approx(sd)
    assert stats.discrimination_index == approx(discrimination)
    assert stats.discriminative_efficiency == approx(efficiency)
    assert stats.negative_discrimination is (index == 3)


def test_the_whole_test_matches_the_hand_worked_example():
    variances = [1 / 5, 3 / 10, 3 / 10, 3 / 10]
    stats = quiz_stats(TOTALS, variances, max_total=4)
    assert stats.attempts == 5
    assert stats.items == 4
    assert stats.mean == approx(55.0)
    assert stats.median == approx(75.0)
    assert stats.sd == approx(100 * math.sqrt(6 / 5) / 4)
    assert stats.cic == approx(100 / 9)
    assert stats.error_ratio == approx(100 * math.sqrt(8 / 9))
    assert stats.standard_error == approx(100 * math.sqrt(16 / 15) / 4)


def test_a_question_everyone_got_right_has_no_discrimination_index():
    stats = item_stats([1, 1, 1], [2, 1, 0])
    assert stats.facility == 100.0
    assert stats.sd == 0.0
    assert stats.discrimination_index is None
    assert stats.discriminative_efficiency is None
    assert "Not measurable" in discrimination_hint(None)


def test_alpha_needs_three_attempts_and_two_items_as_in_moodle():
    assert quiz_stats([3, 1], [0.5, 0.5], max_total=4).cic is None
    assert quiz_stats([3, 1, 2], [0.3], max_total=4).cic is None
    assert quiz_stats([2, 2, 2], [0.0, 0.0], max_total=4).cic is None  # no spread in totals
    assert quiz_stats([], None, max_total=4).mean is None


def test_hints_use_moodles_bands():
    assert facility_hint(5.0).startswith("Extremely difficult")
    assert facility_hint(50.0) == "About right for the average student"
    assert facility_hint(95.0).startswith("Extremely easy")
    assert discrimination_hint(-0.1).startswith("Check it")
    assert discrimination_hint(35.0).startswith("Adequate")
    assert discrimination_hint(50.0).startswith("Very good")
    stats = item_stats(column(3), [t - m for t, m in zip(TOTALS, column(3), strict=True)])
    assert item_hint(stats) == (
        "About right for the average student. Check it: students who did worse overall did "
        "better on this question (a wrong key, or an ambiguous question?)."
    )


# The same example through the database: five students of a class answer four true/false
# questions of an assigned quiz ("true" is right for the factory's question).


@pytest.fixture
def templates():
    return list(QuestionTemplate.objects.order_by("pk")[:2])


@pytest.fixture
def example_quiz(teacher, classroom, now, templates):
    # Q1, Q2 come from template A, Q3 from template B, Q4 is hand-written.
    questions = [
        make_question("tf", stem="Q1", template=templates[0]),
        make_question("tf", stem="Q2", template=templates[0]),
        make_question("tf", stem="Q3", template=templates[1]),
        make_question("tf", stem="Q4"),
    ]
    quiz = make_quiz(questions, owner=teacher, title="Example")
    Assignment.objects.create(classroom=classroom, quiz=quiz, due_at=now + timedelta(days=1))
    return quiz


def take(quiz, user, marks, *, now, seed=1):
    attempt = make_attempt(quiz, user, now=now, seed=seed)
    for slot, mark in enumerate(marks):
        record_answer(attempt, slot, "true" if mark else "false", now=now)
    return finish_attempt(attempt, now=now + timedelta(minutes=5))


@pytest.fixture
def five_attempts(example_quiz, classroom, now):
    students = []
    for number, marks in enumerate(MARKS, start=1):
        student = make_user(f"pupil{number}")
        Membership.objects.create(classroom=classroom, student=student, joined_at=now)
        take(example_quiz, student, marks, now=now)
        students.append(student)
    return students


def test_the_quiz_report_reproduces_the_example_from_first_attempts(
    teacher, example_quiz, five_attempts, now, django_assert_max_num_queries
):
    # A second, perfect attempt by the weakest student is left out by default.
    take(example_quiz, five_attempts[4], [1, 1, 1, 1], now=now + timedelta(hours=1))
    with django_assert_max_num_queries(3):
        report = quiz_report(example_quiz, teacher)
    assert [item.question.stem for item in report.items] == ["Q1", "Q2", "Q3", "Q4"]
    for item, (facility, sd, discrimination, efficiency) in zip(
        report.items, EXPECTED, strict=True
    ):
        assert item.stats.facility == approx(facility)
        assert item.stats.sd == approx(sd)
        assert item.stats.discrimination_index == approx(discrimination)
        assert item.stats.discriminative_efficiency == approx(efficiency)
    assert report.test.attempts == 5
    assert report.test.cic == approx(100 / 9)
    assert report.test.standard_error == approx(100 * math.sqrt(16 / 15) / 4)


def test_every_finished_attempt_counts_when_asked(teacher, example_quiz, five_attempts, now):
    take(example_quiz, five_attempts[4], [1, 1, 1, 1], now=now + timedelta(hours=1))
    report = quiz_report(example_quiz, teacher, which=Which.ALL)
    assert report.test.attempts == 6
    assert report.items[0].stats.facility == approx(100 * 5 / 6)


def test_the_teachers_own_preview_attempts_and_unfinished_ones_are_left_out(
    teacher, example_quiz, five_attempts, now
):
    take(example_quiz, teacher, [0, 0, 0, 0], now=now)
    stranger = make_user("stranger")
    make_attempt(example_quiz, five_attempts[0], now=now + timedelta(hours=2), seed=3)
    take(example_quiz, stranger, [1, 1, 1, 1], now=now)  # not in the class: not visible
    assert quiz_report(example_quiz, teacher).test.attempts == 5


def test_another_teacher_sees_no_attempt_of_these_students(
    other_teacher, example_quiz, five_attempts
):
    assert quiz_report(example_quiz, other_teacher).test.attempts == 0


def test_templates_pool_their_questions_and_flag_negative_discrimination(
    teacher, example_quiz, five_attempts, templates
):
    rows = {row.template.pk: row for row in template_report(teacher)}
    assert set(rows) == {templates[0].pk, templates[1].pk}
    # Template B has only Q3: with a single quiz, pooling rescales the rest of the test by
    # 1/(n-1), which leaves the discrimination index and efficiency as in the quiz report.
    only_q3 = rows[templates[1].pk].stats
    assert only_q3.attempts == 5
    assert only_q3.discrimination_index == approx(100 / math.sqrt(21))
    assert only_q3.discriminative_efficiency == approx(200 / 7)
    # Template A pools Q1 and Q2: ten answers.
    assert rows[templates[0].pk].stats.attempts == 10
    assert rows[templates[0].pk].stats.facility == approx(70.0)
    assert not any(row.stats.negative_discrimination for row in rows.values())


def test_a_template_whose_questions_favour_weaker_students_is_flagged_first(
    teacher, classroom, now, templates
):
    tricky = make_question("tf", stem="Tricky", template=templates[1])
    plain = [make_question("tf", stem="Plain 0", template=templates[0])]
    plain += [make_question("tf", stem=f"Plain {n}") for n in (1, 2)]
    quiz = make_quiz([tricky, *plain], owner=teacher, title="Tricky")
    Assignment.objects.create(classroom=classroom, quiz=quiz, due_at=now + timedelta(days=1))
    for number, marks in enumerate([[0, 1, 1, 1], [0, 1, 1, 0], [1, 0, 0, 1], [1, 0, 0, 0]]):
        student = make_user(f"learner{number}")
        Membership.objects.create(classroom=classroom, student=student, joined_at=now)
        take(quiz, student, marks, now=now)
    report = template_report(teacher)
    assert [row.template for row in report] == [templates[1], templates[0]]
    assert [row.stats.negative_discrimination for row in report] == [True, False]
