"""Exports built on the quizzes app: a teacher's question set, and the responses to a quiz."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from ajquiz.content.models import Fact, Topic
from ajquiz.interop.scopes import questions_in, read_scope, set_fact_ids
from ajquiz.quizzes.attempts import record_answer
from ajquiz.quizzes.models import DrawRule
from tests.factories import make_attempt, make_question, make_quiz

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.mark.django_db
def test_a_set_exports_its_fixed_questions_in_their_order(client, teacher):
    questions = [make_question("tf"), make_question("num"), make_question("sa")]
    quiz = make_quiz([questions[2], questions[0], questions[1]], owner=teacher)
    client.force_login(teacher)
    response = client.get(
        reverse("interop:export_questions"),
        {"scope": f"set:{quiz.question_set.uid}", "format": "gift"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("{=Hayashi") < body.index("{TRUE}") < body.index("{#1911}")


@pytest.mark.django_db
def test_another_teachers_set_is_not_offered_or_accepted(client, teacher, other_teacher):
    quiz = make_quiz([make_question("tf")], owner=other_teacher)
    client.force_login(teacher)
    value = f"set:{quiz.question_set.uid}"
    assert value not in client.get(reverse("interop:index")).content.decode()
    response = client.get(reverse("interop:export_questions"), {"scope": value, "format": "gift"})
    assert response.status_code == 400
    assert read_scope_or_none(value, teacher) is None


@pytest.mark.django_db
def test_a_topic_export_leaves_out_another_teachers_own_questions(bank, teacher, other_teacher):
    fact = Fact.objects.filter(topics__isnull=False, questions__isnull=False).first()
    topic = fact.topics.first()
    mine = make_question("tf", facts=[fact], author=teacher)
    theirs = make_question("tf", facts=[fact], author=other_teacher)
    exported = set(questions_in(read_scope(f"topic:{topic.slug}", teacher), teacher))
    assert mine in exported
    assert theirs not in exported
    assert any(question.template_id for question in exported)


def read_scope_or_none(value, user):
    from ajquiz.interop.scopes import UnknownScope

    try:
        return read_scope(value, user)
    except UnknownScope:
        return None


@pytest.mark.django_db
def test_a_sets_deck_holds_the_facts_of_its_questions_and_draws(content, teacher):
    fact = Fact.objects.order_by("pk").first()
    quiz = make_quiz([make_question("tf", facts=[fact])], owner=teacher)
    topic = Topic.objects.exclude(facts=fact).filter(facts__isnull=False).order_by("pk").first()
    rule = DrawRule.objects.create(question_set=quiz.question_set, count=3)
    rule.topics.set([topic])
    DrawRule.objects.create(question_set=quiz.question_set, count=2)  # no filter: adds nothing
    expected = {fact.pk} | set(
        Fact.objects.filter(topics__in=[topic, *topic.children.all()]).values_list("pk", flat=True)
    )
    assert set_fact_ids(quiz.question_set) == expected


@pytest.mark.django_db
def test_responses_export_every_answer_with_its_mark(client, teacher, student, other_student):
    quiz = make_quiz([make_question("tf"), make_question("sa")], owner=teacher, title="Quiz A")
    first = make_attempt(quiz, student, now=NOW)
    record_answer(first, 0, "false", now=NOW)
    record_answer(first, 1, "Hayashi", now=NOW)
    second = make_attempt(quiz, other_student, now=NOW)
    record_answer(second, 0, "true", now=NOW)
    client.force_login(teacher)
    response = client.get(reverse("interop:export_responses"), {"quiz": str(quiz.uid)})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [
        (r["learner"], r["attempt"], r["slot"], r["answer"], r["right_answer"], r["fraction"])
        for r in rows
    ] == [
        ("olive", "1", "1", "True", "True", "1.0"),
        ("sam", "1", "1", "False", "True", "0.0"),
        ("sam", "1", "2", "Hayashi", "Hayashi Tadasu", "1.0"),
    ]
    assert rows[0]["quiz"] == "Quiz A"
    assert rows[0]["answered_at"] == NOW.isoformat()


@pytest.mark.django_db
def test_responses_export_takes_a_fixed_number_of_queries(
    client, teacher, student, django_assert_max_num_queries
):
    quiz = make_quiz([make_question(kind) for kind in ("tf", "sa", "num", "mc")], owner=teacher)
    attempt = make_attempt(quiz, student, now=NOW)
    for slot, answer in enumerate(["true", "x", "1911", "b"]):
        record_answer(attempt, slot, answer, now=NOW)
    client.force_login(teacher)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("interop:export_responses"), {"quiz": str(quiz.uid)})
    assert response.content.decode("utf-8-sig").count("\r\n") == 5


@pytest.mark.django_db
def test_only_your_own_quizzes_responses_can_be_exported(client, teacher, other_teacher):
    quiz = make_quiz([make_question("tf")], owner=other_teacher)
    client.force_login(teacher)
    response = client.get(reverse("interop:export_responses"), {"quiz": str(quiz.uid)})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.django_db
def test_a_quiz_nobody_answered_says_so(client, teacher):
    quiz = make_quiz([make_question("tf")], owner=teacher, title="Quiz B")
    client.force_login(teacher)
    response = client.get(reverse("interop:export_responses"), {"quiz": str(quiz.uid)})
    assert response.status_code == 400
    assert "Nobody has answered “Quiz B” yet." in response.content.decode()
