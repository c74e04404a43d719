"""Assigning quizzes to a class, changing due dates, and per-student extensions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from ajquiz.classes.models import Assignment, Extension
from ajquiz.quizzes.attempts import finish_attempt
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db


def local(when) -> str:
    return when.strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def logged_in(client, teacher, clock):
    client.force_login(teacher)
    return client


def test_a_teacher_assigns_one_of_their_quizzes_with_a_due_date(logged_in, classroom, quiz, now):
    due = now + timedelta(days=3)
    response = logged_in.post(
        reverse("classes:assign", args=[classroom.uid]), {"quiz": quiz.uid, "due_at": local(due)}
    )
    assert response["Location"] == classroom.get_absolute_url()
    assignment = Assignment.objects.get()
    assert (assignment.classroom, assignment.quiz, assignment.due_at) == (classroom, quiz, due)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"due_at": "2026-03-05T10:00"}, "quiz", "Choose the quiz to assign."),
        (
            {"due_at": "2026-03-01T10:00", "quiz": "QUIZ"},
            "due_at",
            "Choose a due date in the future.",
        ),
        ({"due_at": "next week", "quiz": "QUIZ"}, "due_at", "Enter a valid date/time."),
    ],
)
def test_a_bad_assignment_is_explained(logged_in, classroom, quiz, data, field, message):
    data = {key: str(quiz.uid) if value == "QUIZ" else value for key, value in data.items()}
    response = logged_in.post(reverse("classes:assign", args=[classroom.uid]), data)
    assert response.status_code == 200
    assert response.context["assign_form"].errors[field] == [message]
    assert not Assignment.objects.exists()


def test_another_teachers_quiz_cannot_be_assigned(logged_in, classroom, other_teacher, now):
    theirs = make_quiz([make_question("mc")], owner=other_teacher, title="Theirs")
    response = logged_in.post(
        reverse("classes:assign", args=[classroom.uid]),
        {"quiz": theirs.uid, "due_at": local(now + timedelta(days=1))},
    )
    assert "quiz" in response.context["assign_form"].errors
    assert not Assignment.objects.exists()


def test_a_quiz_is_assigned_once_per_class(logged_in, classroom, assignment, now):
    response = logged_in.post(
        reverse("classes:assign", args=[classroom.uid]),
        {"quiz": assignment.quiz.uid, "due_at": local(now + timedelta(days=1))},
    )
    assert response.context["assign_form"].errors["quiz"] == [
        "This quiz is already assigned to this class: change its due date instead."
    ]


def test_the_due_date_can_be_moved_even_into_the_past(logged_in, assignment, now):
    earlier = now - timedelta(days=1)
    response = logged_in.post(
        reverse("classes:assignment", args=[assignment.uid]), {"due_at": local(earlier)}
    )
    assert response["Location"] == assignment.get_absolute_url()
    assignment.refresh_from_db()
    assert assignment.due_at == earlier


def test_unassigning_keeps_the_attempts(logged_in, assignment, enrolled, student):
    attempt = make_attempt(assignment.quiz, student)
    logged_in.post(reverse("classes:unassign", args=[assignment.uid]))
    assert not Assignment.objects.exists()
    assert attempt.__class__.objects.filter(pk=attempt.pk).exists()


def test_an_extension_is_granted_and_removed(logged_in, assignment, enrolled, student):
    url = reverse("classes:student_work", args=[assignment.uid, enrolled.uid])
    later = assignment.due_at + timedelta(days=2)
    response = logged_in.post(url, {"due_at": local(later), "reason": "Illness"})
    assert response["Location"] == url
    extension = Extension.objects.get()
    assert (extension.student, extension.due_at, extension.reason) == (student, later, "Illness")
    logged_in.post(url, {"due_at": local(later + timedelta(days=1))})
    assert Extension.objects.get().due_at == later + timedelta(days=1)
    logged_in.post(reverse("classes:remove_extension", args=[assignment.uid, enrolled.uid]))
    assert not Extension.objects.exists()


def test_an_extension_must_give_more_time(logged_in, assignment, enrolled):
    url = reverse("classes:student_work", args=[assignment.uid, enrolled.uid])
    response = logged_in.post(url, {"due_at": local(assignment.due_at - timedelta(hours=1))})
    assert response.context["form"].errors["due_at"] == [
        "An extension gives more time: choose a date after the class's due date "
        "(09 March 2026, 10:00 UTC)."
    ]
    assert not Extension.objects.exists()


def test_the_students_work_page_marks_late_attempts(
    logged_in, assignment, enrolled, student, clock
):
    attempt = make_attempt(assignment.quiz, student, now=assignment.due_at)
    finish_attempt(attempt, now=assignment.due_at + timedelta(minutes=3))
    clock.at(assignment.due_at + timedelta(days=1))
    response = logged_in.get(reverse("classes:student_work", args=[assignment.uid, enrolled.uid]))
    body = response.content.decode()
    assert "⚠ late" in body
    assert reverse("quizzes:review", args=[attempt.uid]) in body
    assert response.context["standing"].status == "late"


def test_a_teacher_types_and_reads_due_dates_in_their_own_time_zone(
    logged_in, teacher, classroom, quiz
):
    teacher.time_zone = "Asia/Tokyo"
    teacher.save()
    page = logged_in.get(classroom.get_absolute_url()).content.decode()
    assert "Due (Asia/Tokyo)" in page
    logged_in.post(
        reverse("classes:assign", args=[classroom.uid]),
        {"quiz": quiz.uid, "due_at": "2026-03-05T18:00"},
    )
    due = Assignment.objects.get().due_at
    assert due.astimezone(UTC) == datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    assert "5 Mar 2026, 18:00 JST" in logged_in.get(classroom.get_absolute_url()).content.decode()


def test_a_student_reads_due_dates_in_their_own_time_zone(
    client, student, enrolled, assignment, clock
):
    client.force_login(student)
    utc_page = client.get(reverse("classes:mine")).content.decode()
    student.time_zone = "Asia/Tokyo"
    student.save()
    tokyo_page = client.get(reverse("classes:mine")).content.decode()
    # Due 9 March 2026 at 10:00 UTC, which is 19:00 in Tokyo.
    assert "9 Mar 2026, 10:00 UTC" in utc_page
    assert "9 Mar 2026, 19:00 JST" in tokyo_page
