"""A practice quiz on any topic or source in two clicks: Practice, then Start."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ajquiz.content.models import Fact, Source, Topic
from ajquiz.quizzes.models import Attempt, Quiz
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_the_navigation_links_to_practice(client, student):
    client.force_login(student)
    html = client.get(reverse("home")).content.decode()
    assert f'<a href="{reverse("quizzes:practice")}">Practice</a>' in html


def test_the_practice_page_has_a_start_button_for_every_topic_and_source(client, student, content):
    client.force_login(student)
    html = client.get(reverse("quizzes:practice")).content.decode()
    for topic in Topic.objects.all():
        assert f'action="{reverse("quizzes:practice_topic", args=[topic.slug])}"' in html
        assert f'Start<span class="visually-hidden"> practice: {topic.name}' in html.replace(
            "&#x27;", "'"
        )
    for source in Source.objects.all():
        assert f'action="{reverse("quizzes:practice_source", args=[source.slug])}"' in html


def test_start_on_a_topic_opens_a_ten_question_practice(client, student, own_bank):
    topic = Topic.objects.filter(parent__isnull=True).first()
    for index, fact in enumerate(Fact.objects.for_topic(topic).order_by("pk")[:12]):
        make_question(["mc", "tf", "num"][index % 3], facts=[fact])
    client.force_login(student)
    response = client.post(reverse("quizzes:practice_topic", args=[topic.slug]))
    attempt = Attempt.objects.get(user=student)
    assert response["Location"] == attempt.get_absolute_url()
    assert len(attempt.slots) == 10
    assert attempt.quiz.practice_key == f"topic:{topic.slug}"
    assert attempt.quiz.feedback_mode == Quiz.FeedbackMode.IMMEDIATE
    again = client.post(reverse("quizzes:practice_topic", args=[topic.slug]))
    assert again["Location"] == attempt.get_absolute_url()  # resumes, no second attempt
    html = client.get(reverse("quizzes:practice")).content.decode()
    assert "Carry on where you left off" in html and attempt.get_absolute_url() in html


def test_start_on_a_source_draws_from_that_source_only(client, student, own_bank):
    source = Source.objects.first()
    own = [make_question("tf", facts=[f]) for f in source.facts.order_by("pk")[:3]]
    other = Fact.objects.exclude(source=source).first()
    make_question("tf", facts=[other])
    client.force_login(student)
    client.post(reverse("quizzes:practice_source", args=[source.slug]))
    attempt = Attempt.objects.get(user=student)
    assert sorted(slot["question"] for slot in attempt.slots) == [q.pk for q in own]


def test_a_topic_without_questions_explains_and_starts_nothing(client, student, own_bank):
    topic = Topic.objects.first()
    client.force_login(student)
    response = client.post(reverse("quizzes:practice_topic", args=[topic.slug]), follow=True)
    assert "There are no questions for this quiz yet." in response.content.decode()
    assert Attempt.objects.count() == 0


def test_the_start_link_works_as_a_page_for_a_get(client, student, content):
    topic = Topic.objects.first()
    client.force_login(student)
    html = client.get(reverse("quizzes:practice_topic", args=[topic.slug])).content.decode()
    assert f"<h1>Practice: {topic.name}</h1>" in html.replace("&#x27;", "'")
    assert "Start practice</button>" in html
    assert Attempt.objects.count() == 0


def test_an_unknown_topic_is_404_and_practice_needs_a_log_in(client, student, content):
    assert client.get(reverse("quizzes:practice"))["Location"].startswith(reverse("accounts:login"))
    client.force_login(student)
    assert client.post(reverse("quizzes:practice_topic", args=["no-such"])).status_code == 404
