"""The gradebook: students x assignments with grade and status, its query count, its CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse

from ajquiz.classes.csv_export import csv_text, safe_cell
from ajquiz.classes.gradebook import gradebook_for
from ajquiz.classes.models import Assignment, Extension, Membership
from ajquiz.quizzes.attempts import finish_attempt, record_answer
from tests.factories import make_attempt, make_question, make_quiz, make_user

pytestmark = pytest.mark.django_db


def finish(quiz, user, *, at, answers=("b", "true", "1911")):
    attempt = make_attempt(quiz, user, now=at - timedelta(minutes=5))
    for slot, answer in enumerate(answers):
        record_answer(attempt, slot, answer, now=at)
    return finish_attempt(attempt, now=at)


def add_students(classroom, names, now):
    students = [make_user(name, first_name=name.title(), last_name="Example") for name in names]
    Membership.objects.bulk_create(
        Membership(classroom=classroom, student=student, joined_at=now) for student in students
    )
    return students


@pytest.fixture
def second_assignment(classroom, teacher, now):
    quiz = make_quiz([make_question("tf")], owner=teacher, title="Renewals, 1905")
    return Assignment.objects.create(
        classroom=classroom, quiz=quiz, due_at=now + timedelta(days=14)
    )


def test_each_cell_holds_the_grade_and_status(classroom, assignment, second_assignment, now):
    ann, ben, _cat = add_students(classroom, ["ann", "ben", "cat"], now)
    finish(assignment.quiz, ann, at=now + timedelta(days=1), answers=("b", "true", "1900"))
    finish(assignment.quiz, ben, at=assignment.due_at + timedelta(hours=1))
    make_attempt(second_assignment.quiz, ben, now=now)
    book = gradebook_for(classroom, now=now + timedelta(days=8))
    assert [a.quiz.title for a in book.assignments] == ["The 1902 treaty", "Renewals, 1905"]
    table = {
        row.student.username: [(c.standing.grade, c.standing.label) for c in row.cells]
        for row in book.rows
    }
    assert table == {
        "ann": [(66.67, "Finished"), (None, "Not started")],
        "ben": [(100.0, "Late"), (None, "In progress")],
        "cat": [(None, "Not started (overdue)"), (None, "Not started")],
    }


def test_the_gradebook_query_count_does_not_grow_with_the_class(
    classroom, assignment, second_assignment, now, django_assert_num_queries
):
    def count_for(names):
        students = add_students(classroom, names, now)
        for student in students:
            finish(assignment.quiz, student, at=now + timedelta(hours=1))
            make_attempt(second_assignment.quiz, student, now=now)
        with django_assert_num_queries(5) as captured:
            gradebook_for(classroom, now=now + timedelta(days=1))
        return len(captured)

    # students, assignments, extensions, overdue attempts, attempts
    assert count_for(["a1", "a2"]) == count_for([f"b{n}" for n in range(12)]) == 5


def test_the_page_lists_every_student_and_links_their_work(
    client, teacher, classroom, assignment, enrolled, now
):
    client.force_login(teacher)
    response = client.get(reverse("classes:gradebook", args=[classroom.uid]))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("classes:student_work", args=[assignment.uid, enrolled.uid]) in page
    assert "Not started" in page
    assert reverse("classes:gradebook_csv", args=[classroom.uid]) in page


def test_a_teacher_opens_a_students_review_from_their_work_page(
    client, teacher, assignment, enrolled, student, now
):
    attempt = finish(assignment.quiz, student, at=now + timedelta(hours=1))
    client.force_login(teacher)
    work = client.get(reverse("classes:student_work", args=[assignment.uid, enrolled.uid]))
    review_url = reverse("quizzes:review", args=[attempt.uid])
    assert review_url in work.content.decode()
    review = client.get(review_url)
    assert review.status_code == 200
    assert review.context["is_learner"] is False


def test_the_csv_is_utf8_with_a_bom_and_one_row_per_student(
    client, teacher, classroom, assignment, second_assignment, now, clock
):
    (ann,) = add_students(classroom, ["ann"], now)
    Extension.objects.create(
        assignment=assignment, student=ann, due_at=assignment.due_at + timedelta(days=1)
    )
    finish(assignment.quiz, ann, at=assignment.due_at + timedelta(hours=2))
    clock.at(now + timedelta(days=9))
    client.force_login(teacher)
    response = client.get(reverse("classes:gradebook_csv", args=[classroom.uid]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="gradebook-history-10b-2026-03-11.csv"'
    )
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [
        [
            "Username",
            "Name",
            "The 1902 treaty: grade (%)",
            "The 1902 treaty: status",
            "The 1902 treaty: due",
            "The 1902 treaty: tries",
            "Renewals, 1905: grade (%)",
            "Renewals, 1905: status",
            "Renewals, 1905: due",
            "Renewals, 1905: tries",
        ],
        [
            "ann",
            "Ann Example",
            "100",
            "Finished",
            "2026-03-10 10:00 UTC",
            "1",
            "",
            "Not started",
            "2026-03-16 10:00 UTC",
            "0",
        ],
    ]
    assert body.count(b"\r\n") == 2


def test_csv_cells_cannot_become_spreadsheet_formulas():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-12.5") == "-12.5"
    assert safe_cell("Ōkuma – 1902") == "Ōkuma – 1902"
    assert csv_text([["a", None]]) == "\ufeffa,\r\n"
