"""Pages whose query count must not grow with the data: measured with a little data and with
more, and required to be equal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ajquiz.classes import builder
from ajquiz.classes.models import Assignment, Classroom, Membership
from ajquiz.classes.roster import enrol
from ajquiz.content.models import Topic
from ajquiz.quizzes.attempts import finish_attempt, record_answer
from tests.factories import make_attempt, make_question, make_quiz, make_user

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_builder_page(client, teacher):
    question_set, _ = builder.new_set(owner=teacher, title="Grows")
    client.force_login(teacher)
    url = reverse("classes:set", args=[question_set.uid])
    topics = list(Topic.objects.all()[:2])

    def grow(count):
        for _ in range(count):
            builder.add_fixed(question_set, make_question("mc"))
            builder.add_draw(
                question_set, count=1, kinds=["tf"], topics=topics, sources=[], facts=[]
            )
        return queries(client, url)

    assert grow(1) == grow(6)


def test_the_class_page_and_the_assignment_page(client, teacher, classroom, now):
    client.force_login(teacher)
    first = None

    def grow(count):
        nonlocal first
        for _ in range(count):
            quiz = make_quiz([make_question("tf")], owner=teacher, title="Q")
            assignment = Assignment.objects.create(classroom=classroom, quiz=quiz, due_at=now)
            first = first or assignment
            student = make_user(f"s{Membership.objects.count()}")
            Membership.objects.create(classroom=classroom, student=student, joined_at=now)
            make_attempt(first.quiz, student, now=now)
        return (
            queries(client, classroom.get_absolute_url()),
            queries(client, first.get_absolute_url()),
        )

    assert grow(1) == grow(6)


def test_the_item_analysis_page(client, teacher, classroom, quiz, now):
    Assignment.objects.create(classroom=classroom, quiz=quiz, due_at=now + timedelta(days=1))
    client.force_login(teacher)
    url = reverse("classes:analysis", args=[quiz.uid])

    def grow(count):
        for _ in range(count):
            student = make_user(f"p{Membership.objects.count()}")
            Membership.objects.create(classroom=classroom, student=student, joined_at=now)
            attempt = make_attempt(quiz, student, now=now)
            record_answer(attempt, 0, "b", now=now)
            finish_attempt(attempt, now=now)
        return queries(client, url)

    assert grow(2) == grow(8)


def test_the_students_classes_page(client, student, teacher, now):
    client.force_login(student)

    def grow(count):
        for _ in range(count):
            room = Classroom.objects.create(name="C", teacher=teacher)
            enrol(room, student, now=now)
            quiz = make_quiz([make_question("tf")], owner=teacher, title="T")
            Assignment.objects.create(classroom=room, quiz=quiz, due_at=now)
        return queries(client, reverse("classes:mine"))

    assert grow(1) == grow(5)
