"""Taking an attempt through its pages: with htmx (fragments) and without (form posts)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ajquiz.quizzes.models import Attempt, Quiz, Response
from tests.factories import make_attempt, make_question, make_quiz
from tests.quizzes.conftest import RIGHT, WRONG

pytestmark = pytest.mark.django_db

DEFERRED = Quiz.FeedbackMode.DEFERRED
IMMEDIATE = Quiz.FeedbackMode.IMMEDIATE


def start(user, kinds=("mc", "tf", "order"), **settings):
    quiz = make_quiz([make_question(kind) for kind in kinds], is_public=True, **settings)
    return make_attempt(quiz, user)


def url(name, attempt, *args):
    return reverse(f"quizzes:{name}", args=[attempt.uid, *args])


def test_the_attempt_page_shows_one_question_with_native_controls(client, student):
    attempt = start(student)
    client.force_login(student)
    html = client.get(url("attempt", attempt)).content.decode()
    assert "Question 1 <span" in html
    assert "<fieldset" in html and "<legend>" in html
    assert 'type="radio" name="s1" value="b"' in html
    assert "Question 2 <span" not in html
    assert 'aria-current="step"' in html
    assert "0 of 3 answered" in html


def test_all_on_one_page_shows_every_question(client, student):
    attempt = start(student, layout=Quiz.Layout.ALL_ON_ONE)
    client.force_login(student)
    html = client.get(url("attempt", attempt)).content.decode()
    assert all(f"Question {n} <span" in html for n in (1, 2, 3))
    assert 'href="#slot-3"' in html


def test_an_answer_posted_without_javascript_is_saved_and_the_next_page_follows(client, student):
    attempt = start(student, feedback_mode=DEFERRED)
    client.force_login(student)
    response = client.post(url("save", attempt), {"page": "1", "go": "next", **RIGHT["mc"]("s1")})
    assert response.status_code == 302
    assert response["Location"] == url("attempt", attempt) + "?page=2"
    assert Response.objects.get(attempt=attempt, slot=0).fraction == 1.0
    response = client.post(url("save", attempt), {"page": "2", "go": "previous"})
    assert response["Location"] == url("attempt", attempt)
    response = client.post(url("save", attempt), {"page": "2", "go": "page-3"})
    assert response["Location"] == url("attempt", attempt) + "?page=3"
    response = client.post(url("save", attempt), {"page": "3", "go": "finish"})
    assert response["Location"] == url("finish", attempt)


def test_next_on_the_last_page_goes_to_the_finish_summary(client, student):
    attempt = start(student)
    client.force_login(student)
    response = client.post(url("save", attempt), {"page": "3", "go": "next"})
    assert response["Location"] == url("finish", attempt)


def test_a_page_number_out_of_range_shows_the_nearest_page(client, student):
    attempt = start(student)
    client.force_login(student)
    assert client.get(url("attempt", attempt), {"page": "99"}).context["page"] == 3
    assert client.get(url("attempt", attempt), {"page": "x"}).context["page"] == 1


def test_htmx_autosave_returns_the_status_line_fragment(client, student, htmx):
    attempt = start(student, feedback_mode=DEFERRED)
    client.force_login(student)
    response = client.post(url("answer", attempt, 3), RIGHT["order"]("s3"), **htmx)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith("Answer saved.")
    assert 'id="slot-nav"' in html and 'hx-swap-oob="true"' in html
    assert "1 of 3 answered" in html
    assert Response.objects.get(attempt=attempt, slot=2).fraction == 1.0
    assert "HX-Request" in response["Vary"]


def test_htmx_check_returns_the_question_with_feedback_and_moves_focus(
    client, student, htmx, content
):
    from ajquiz.content.models import Fact

    fact = Fact.objects.select_related("source", "passage").first()
    quiz = make_quiz([make_question("mc", facts=[fact])], feedback_mode=IMMEDIATE, is_public=True)
    attempt = make_attempt(quiz, student)
    client.force_login(student)
    response = client.post(url("answer", attempt, 1), WRONG["mc"]("s1"), **htmx)
    html = response.content.decode()
    assert "<html" not in html
    assert "✗ Incorrect" in html
    assert "<strong>Right answer:</strong> 1902" in html
    assert "data-focus-after-swap" in html
    assert fact.statement in html
    assert f'href="{fact.source_url}"' in html
    assert re.search(r'name="s1" value="a"\s+checked\s+disabled', html)
    assert re.search(r'name="s1" value="b"\s+disabled', html)


def test_checking_without_an_answer_explains_and_keeps_the_question_open(client, student, htmx):
    attempt = start(student, feedback_mode=IMMEDIATE)
    client.force_login(student)
    response = client.post(url("answer", attempt, 1), {}, **htmx)
    html = response.content.decode()
    assert response.status_code == 200
    assert "give an answer before checking it" in html
    assert "Check answer" in html
    assert Response.objects.count() == 0


def test_a_plain_post_to_one_slot_redirects_back_to_its_page(client, student):
    attempt = start(student)
    client.force_login(student)
    response = client.post(url("answer", attempt, 2), RIGHT["tf"]("s2"))
    assert response["Location"] == url("attempt", attempt) + "?page=2#slot-2"


def test_submitting_the_same_slot_twice_through_the_page_is_idempotent(client, student, htmx):
    attempt = start(student, feedback_mode=IMMEDIATE)
    client.force_login(student)
    for _ in range(2):
        client.post(url("answer", attempt, 1), RIGHT["mc"]("s1"), **htmx)
        client.post(url("save", attempt), {"page": "1", "go": "next", **RIGHT["mc"]("s1")})
    assert list(Response.objects.values_list("slot", "answer", "fraction")) == [(0, "b", 1.0)]


def test_a_question_number_outside_the_attempt_is_404(client, student):
    attempt = start(student)
    client.force_login(student)
    assert client.post(url("answer", attempt, 4), {"s4": "a"}).status_code == 404
    assert client.post(url("answer", attempt, 0), {"s0": "a"}).status_code == 404


def test_it_refuses_an_answer_after_the_deadline_with_a_clear_message(client, student):
    attempt = start(student, time_limit=timedelta(minutes=5))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    client.force_login(student)
    response = client.post(
        url("save", attempt), {"page": "1", "go": "next", **RIGHT["mc"]("s1")}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url("review", attempt)
    assert "Time is up: this answer arrived after the deadline and was not saved." in html
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    assert attempt.ended_by_time is True
    assert Response.objects.count() == 0


def test_an_htmx_answer_after_the_deadline_redirects_the_page_to_the_result(client, student, htmx):
    attempt = start(student, time_limit=timedelta(minutes=5))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    client.force_login(student)
    response = client.post(url("answer", attempt, 1), RIGHT["mc"]("s1"), **htmx)
    assert response.status_code == 200
    assert response["HX-Redirect"] == url("review", attempt)
    assert Attempt.objects.get(pk=attempt.pk).state == Attempt.State.FINISHED


def test_opening_an_overdue_attempt_finishes_it_and_shows_the_result(client, student):
    attempt = start(student, time_limit=timedelta(minutes=5))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(hours=1))
    client.force_login(student)
    response = client.get(url("attempt", attempt), follow=True)
    assert response.redirect_chain[-1][0] == url("review", attempt)
    assert "your attempt was submitted automatically" in response.content.decode()


def test_the_timer_shows_the_seconds_left_by_the_servers_clock(client, student, htmx):
    attempt = start(student, time_limit=timedelta(minutes=10))
    client.force_login(student)
    page = client.get(url("attempt", attempt)).content.decode()
    assert 'role="timer"' in page
    assert 'hx-trigger="every 30s"' in page
    response = client.get(url("timer", attempt), **htmx)
    seconds = response.context["seconds_left"]
    assert 595 <= seconds <= 600
    assert f'data-seconds-left="{seconds}"' in response.content.decode()
    assert "<html" not in response.content.decode()
    assert client.get(url("timer", attempt))["Location"] == url("attempt", attempt)


def test_the_timer_of_an_ended_attempt_sends_the_page_to_the_attempt(client, student, htmx):
    attempt = start(student, time_limit=timedelta(minutes=10))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(hours=1))
    client.force_login(student)
    response = client.get(url("timer", attempt), **htmx)
    assert response["HX-Redirect"] == url("attempt", attempt)


def test_a_timeup_submit_saves_the_page_and_finishes(client, student):
    attempt = start(student, time_limit=timedelta(minutes=10))
    client.force_login(student)
    response = client.post(url("save", attempt), {"page": "1", "go": "timeup", "s1": "b"})
    assert response["Location"] == url("review", attempt)
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score) == (Attempt.State.FINISHED, 1.0)


def test_a_page_without_a_time_limit_has_no_timer(client, student):
    attempt = start(student)
    client.force_login(student)
    assert 'role="timer"' not in client.get(url("attempt", attempt)).content.decode()


def test_immediate_feedback_explains_a_wrong_option_that_is_true_of_something_else(
    client, student, htmx, content
):
    from ajquiz.content.models import Fact

    other = Fact.objects.first()
    payload = {
        "options": [
            {
                "id": "a",
                "text": "1905",
                "correct": False,
                "feedback": "1905 is when the alliance was renewed.",
                "fact": other.slug,
            },
            {"id": "b", "text": "1902", "correct": True, "feedback": ""},
        ],
        "shuffle": False,
    }
    quiz = make_quiz([make_question("mc", payload=payload)], feedback_mode=IMMEDIATE)
    attempt = make_attempt(quiz, student)
    client.force_login(student)
    html = client.post(url("answer", attempt, 1), {"s1": "a"}, **htmx).content.decode()
    assert "<strong>About “1905”:</strong> 1905 is when the alliance was renewed." in html
    assert f'href="{reverse("content:fact_detail", args=[other.slug])}"' in html
