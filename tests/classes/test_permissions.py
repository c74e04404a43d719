"""Who may see what: a teacher sees only their own classes, sets and students' attempts;
students see only their own; everyone else gets 404 (or 403 on a teacher-only page)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from ajquiz.classes.builder import new_set
from ajquiz.classes.models import Assignment, Classroom, Membership
from ajquiz.quizzes.attempts import finish_attempt
from ajquiz.quizzes.models import Attempt, Quiz
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(teacher, classroom, assignment, enrolled):
    """The teacher's class with an assignment and a student, and the teacher's set."""
    question_set, quiz = new_set(owner=teacher, title="Origins")
    question = make_question("tf", author=teacher)
    question_set.fixed.create(question=question, position=0)
    return {
        "classroom": classroom.uid,
        "assignment": assignment.uid,
        "membership": enrolled.uid,
        "set": question_set.uid,
        "quiz": quiz.uid,
        "question": question.uid,
    }


# (method, URL name, argument names): every teacher page about one of the teacher's objects.
OBJECT_PAGES = [
    ("get", "classroom", ["classroom"]),
    ("post", "classroom_edit", ["classroom"]),
    ("post", "new_code", ["classroom"]),
    ("post", "add_student", ["classroom"]),
    ("post", "remove_student", ["classroom", "membership"]),
    ("post", "assign", ["classroom"]),
    ("get", "gradebook", ["classroom"]),
    ("get", "gradebook_csv", ["classroom"]),
    ("get", "assignment", ["assignment"]),
    ("post", "assignment", ["assignment"]),
    ("post", "unassign", ["assignment"]),
    ("post", "make_deck", ["assignment"]),
    ("get", "student_work", ["assignment", "membership"]),
    ("post", "student_work", ["assignment", "membership"]),
    ("post", "remove_extension", ["assignment", "membership"]),
    ("get", "set", ["set"]),
    ("post", "set_edit", ["set"]),
    ("post", "move_entry", ["set"]),
    ("post", "remove_entry", ["set"]),
    ("get", "add_draw", ["set"]),
    ("post", "add_draw", ["set"]),
    ("get", "draw_count", ["set"]),
    ("post", "new_quiz", ["set"]),
    ("get", "bank", ["set"]),
    ("post", "add_question", ["set"]),
    ("get", "write", ["set", "tf"]),
    ("post", "write", ["set", "tf"]),
    ("get", "rewrite", ["set", "question"]),
    ("post", "rewrite", ["set", "question"]),
    ("get", "preview", ["set"]),
    ("get", "quiz_settings", ["quiz"]),
    ("post", "quiz_settings", ["quiz"]),
    ("get", "analysis", ["quiz"]),
    ("get", "analysis_csv", ["quiz"]),
]
LIST_PAGES = ["classrooms", "sets", "template_analysis", "template_analysis_csv"]


def url(world, name, arg_names):
    return reverse(f"classes:{name}", args=[world.get(arg, arg) for arg in arg_names])


@pytest.mark.parametrize(("method", "name", "args"), OBJECT_PAGES)
def test_another_teacher_gets_404_and_changes_nothing(
    client, other_teacher, world, method, name, args
):
    before = (Classroom.objects.count(), Membership.objects.count(), Assignment.objects.count())
    client.force_login(other_teacher)
    response = getattr(client, method)(url(world, name, args), {"name": "Mine now"})
    assert response.status_code == 404
    after = (Classroom.objects.count(), Membership.objects.count(), Assignment.objects.count())
    assert after == before
    assert Classroom.objects.get(uid=world["classroom"]).name == "History 10B"


@pytest.mark.parametrize(("method", "name", "args"), OBJECT_PAGES)
def test_a_student_gets_403_on_every_teacher_page(client, student, world, method, name, args):
    client.force_login(student)
    assert getattr(client, method)(url(world, name, args)).status_code == 403


@pytest.mark.parametrize(("method", "name", "args"), OBJECT_PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, world, method, name, args):
    response = getattr(client, method)(url(world, name, args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("method", "name", "args"), [page for page in OBJECT_PAGES if page[0] == "get"]
)
def test_the_teacher_opens_every_page_of_their_own(client, teacher, world, method, name, args):
    client.force_login(teacher)
    response = client.get(url(world, name, args), headers={"HX-Request": "true"})
    assert response.status_code == 200


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_show_another_teacher_none_of_the_teachers_work(
    client, other_teacher, world, name
):
    client.force_login(other_teacher)
    response = client.get(reverse(f"classes:{name}"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "History 10B" not in body
    assert "Origins" not in body


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_are_for_teachers_only(client, student, name):
    client.force_login(student)
    assert client.get(reverse(f"classes:{name}")).status_code == 403


def finished_attempt(quiz, user):
    attempt = make_attempt(quiz, user)
    return finish_attempt(attempt, now=attempt.started_at + timedelta(minutes=1))


def test_the_teacher_reads_their_students_attempt_at_an_assigned_quiz(
    client, teacher, assignment, enrolled, student
):
    attempt = finished_attempt(assignment.quiz, student)
    client.force_login(teacher)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 200
    assert list(Attempt.objects.visible_to(teacher)) == [attempt]


def test_the_teacher_does_not_see_the_students_other_attempts(client, teacher, enrolled, student):
    practice = make_quiz([make_question("mc")], title="Someone's public quiz", is_public=True)
    attempt = finished_attempt(practice, student)
    client.force_login(teacher)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 404


def test_a_quiz_assigned_to_another_class_does_not_open_this_classes_attempts(
    client, teacher, classroom, enrolled, student, now
):
    """The student is in class A; the quiz is assigned to class B of the same teacher."""
    other_class = Classroom.objects.create(name="Year 11", teacher=teacher, join_code="WXYZ2345")
    quiz = make_quiz([make_question("mc")], owner=teacher, title="B only", is_public=True)
    Assignment.objects.create(classroom=other_class, quiz=quiz, due_at=now)
    attempt = finished_attempt(quiz, student)
    client.force_login(teacher)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 404


def test_removing_the_student_hides_their_attempts_again(
    client, teacher, assignment, enrolled, student
):
    attempt = finished_attempt(assignment.quiz, student)
    enrolled.delete()
    client.force_login(teacher)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 404


def test_another_teacher_cannot_read_the_students_attempt(
    client, other_teacher, assignment, enrolled, student
):
    attempt = finished_attempt(assignment.quiz, student)
    client.force_login(other_teacher)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 404


def test_a_student_takes_a_private_quiz_only_once_it_is_assigned_to_their_class(
    client, student, assignment, enrolled, other_student
):
    quiz = assignment.quiz
    assert quiz.is_public is False
    client.force_login(other_student)
    assert client.get(reverse("quizzes:quiz", args=[quiz.uid])).status_code == 404
    client.force_login(student)
    assert client.get(reverse("quizzes:quiz", args=[quiz.uid])).status_code == 200
    response = client.post(reverse("quizzes:start", args=[quiz.uid]))
    assert response.status_code == 302
    assert Attempt.objects.get(user=student, quiz=quiz).is_in_progress


def test_a_students_classmate_cannot_read_their_attempt(
    client, classroom, assignment, enrolled, student, other_student, now
):
    Membership.objects.create(classroom=classroom, student=other_student, joined_at=now)
    attempt = finished_attempt(assignment.quiz, student)
    client.force_login(other_student)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 404


def test_a_student_cannot_leave_a_class_they_are_not_in(client, other_student, classroom):
    client.force_login(other_student)
    response = client.post(reverse("classes:leave", args=[classroom.uid]))
    assert response.status_code == 404


def test_quizzes_stay_unique_in_takeable_lists(student, classroom, assignment, enrolled, now):
    """The assignment rule joins through memberships: no quiz is listed twice."""
    other_class = Classroom.objects.create(
        name="Year 11", teacher=classroom.teacher, join_code="WXYZ2345"
    )
    Membership.objects.create(classroom=other_class, student=student, joined_at=now)
    Assignment.objects.create(classroom=other_class, quiz=assignment.quiz, due_at=now)
    assert list(Quiz.objects.takeable_by(student).filter(pk=assignment.quiz.pk)) == [
        assignment.quiz
    ]
