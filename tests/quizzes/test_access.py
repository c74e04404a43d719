"""Who sees what: an attempt is its learner's (and, through the classes app's rule, their
teacher's); everyone else gets 404 on every attempt URL."""

from __future__ import annotations

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ajquiz.quizzes import visibility
from ajquiz.quizzes.access import attempt_for, own_attempt_for
from ajquiz.quizzes.attempts import finish_attempt
from ajquiz.quizzes.models import Attempt, Quiz
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db

ATTEMPT_PAGES = [
    ("get", "attempt"),
    ("post", "save"),
    ("get", "timer"),
    ("get", "finish"),
    ("post", "finish"),
    ("post", "abandon"),
    ("get", "review"),
]


@pytest.fixture
def attempt(student):
    return make_attempt(make_quiz([make_question("mc")], is_public=True), student)


@pytest.mark.parametrize(("method", "name"), ATTEMPT_PAGES)
def test_another_student_gets_404_on_every_attempt_page(
    client, other_student, attempt, method, name
):
    client.force_login(other_student)
    response = getattr(client, method)(reverse(f"quizzes:{name}", args=[attempt.uid]))
    assert response.status_code == 404
    assert Attempt.objects.get(pk=attempt.pk).is_in_progress


@pytest.mark.parametrize(("method", "name"), ATTEMPT_PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, attempt, method, name):
    response = getattr(client, method)(reverse(f"quizzes:{name}", args=[attempt.uid]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_another_student_cannot_answer_a_slot(client, other_student, attempt):
    client.force_login(other_student)
    response = client.post(reverse("quizzes:answer", args=[attempt.uid, 1]), {"s1": "b"})
    assert response.status_code == 404
    assert attempt.responses.count() == 0


def test_a_teacher_outside_the_learners_classes_gets_404_on_the_review(client, teacher, attempt):
    finish_attempt(attempt, now=timezone.now())
    client.force_login(teacher)
    assert client.get(reverse("quizzes:review", args=[attempt.uid])).status_code == 404


def test_an_admin_may_read_but_not_answer_an_attempt(client, admin_user, attempt):
    finish_attempt(attempt, now=timezone.now())
    client.force_login(admin_user)
    response = client.get(reverse("quizzes:review", args=[attempt.uid]))
    assert response.status_code == 200
    assert "Result of sam" in response.content.decode()
    assert client.get(reverse("quizzes:attempt", args=[attempt.uid])).status_code == 404


def test_a_rule_added_by_a_higher_layer_lets_a_teacher_read_the_attempt(
    teacher, other_teacher, student, attempt
):
    def teacher_of_sam(viewer):
        # Stands in for the classes app's "the learner is in one of the viewer's classes".
        return Q(user__username="sam") if viewer.username == "tara" else Q(pk__in=[])

    visibility.add_attempt_rule(teacher_of_sam)
    try:
        assert attempt_for(teacher, attempt.uid) == attempt
        with pytest.raises(Exception, match="No Attempt matches"):
            attempt_for(other_teacher, attempt.uid)
        with pytest.raises(Exception, match="No Attempt matches"):
            own_attempt_for(teacher, attempt.uid)
        assert list(Attempt.objects.visible_to(teacher)) == [attempt]
    finally:
        visibility.remove_rule(teacher_of_sam)
    with pytest.raises(Exception, match="No Attempt matches"):
        attempt_for(teacher, attempt.uid)


def test_a_private_quiz_is_404_to_students_and_open_to_its_owner(client, student, teacher):
    quiz = make_quiz([make_question("mc")], owner=teacher)
    client.force_login(student)
    assert client.get(quiz.get_absolute_url()).status_code == 404
    assert client.post(reverse("quizzes:start", args=[quiz.uid])).status_code == 404
    client.force_login(teacher)
    assert client.get(quiz.get_absolute_url()).status_code == 200


def test_a_quiz_rule_added_by_a_higher_layer_lets_a_student_take_a_quiz(student, teacher):
    quiz = make_quiz([make_question("mc")], owner=teacher)

    def assigned(viewer):
        return Q(owner__username="tara") if viewer.username == "sam" else Q(pk__in=[])

    visibility.add_quiz_rule(assigned)
    try:
        assert list(Quiz.objects.takeable_by(student)) == [quiz]
    finally:
        visibility.remove_rule(assigned)
    assert list(Quiz.objects.takeable_by(student)) == []
