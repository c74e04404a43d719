"""Finishing (the summary of unanswered questions first), abandoning and reviewing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ajquiz.content.models import Fact
from ajquiz.quizzes.attempts import finish_attempt, record_answer
from ajquiz.quizzes.models import Attempt, Quiz
from ajquiz.quizzes.practice import practice_quiz
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db


def url(name, attempt):
    return reverse(f"quizzes:{name}", args=[attempt.uid])


@pytest.fixture
def attempt(student):
    quiz = make_quiz([make_question(kind) for kind in ("mc", "tf", "sa")], pass_mark=50)
    return make_attempt(quiz, student)


def test_the_finish_page_lists_the_unanswered_questions_first(client, student, attempt):
    record_answer(attempt, 1, "true", now=timezone.now())
    client.force_login(student)
    html = client.get(url("finish", attempt)).content.decode()
    warning = html[html.index("Not answered:") : html.index("</div>", html.index("Not answered:"))]
    assert "2 of 3 questions" in warning
    assert ">Question 1</a>" in warning and ">Question 3</a>" in warning
    assert ">Question 2</a>" not in warning
    assert html.index("Not answered:") < html.index("Summary of your answers")
    assert "Submit all and finish" in html
    assert Attempt.objects.get(pk=attempt.pk).is_in_progress


def test_submitting_finishes_scores_and_shows_the_review(client, student, attempt):
    record_answer(attempt, 0, "b", now=timezone.now())
    record_answer(attempt, 2, "Tadasu Hayashi", now=timezone.now())
    client.force_login(student)
    response = client.post(url("finish", attempt), follow=True)
    assert response.redirect_chain[-1][0] == url("review", attempt)
    html = response.content.decode()
    assert "Your attempt is submitted." in html
    assert "Score:</strong> 2 out of 3 (66.67%)" in html
    assert "✓ passed" in html
    attempt.refresh_from_db()
    assert (attempt.state, attempt.score, attempt.max_score) == (Attempt.State.FINISHED, 2.0, 3)


def test_the_review_shows_answer_key_feedback_and_the_source_passage(client, student, content):
    fact = Fact.objects.select_related("source", "passage").exclude(passage=None).first()
    quiz = make_quiz([make_question("mc", facts=[fact]), make_question("tf")])
    attempt = make_attempt(quiz, student)
    record_answer(attempt, 0, "a", now=timezone.now())
    finish_attempt(attempt, now=timezone.now())
    client.force_login(student)
    html = client.get(url("review", attempt)).content.decode()
    assert "<strong>Your answer:</strong> 1900" in html
    assert "<strong>Right answer:</strong> 1902" in html
    assert "0 out of 1 mark" in html and "not answered" in html
    assert f"Show source: {fact.source.title}, paragraph {fact.passage.index + 1}" in html
    assert f"<mark>{fact.quote}</mark>" in html.replace("&#x27;", "'").replace("&quot;", '"')
    assert f'href="{fact.source_url}"' in html


def test_the_review_hides_the_key_and_feedback_when_the_quiz_says_so(client, student, content):
    fact = Fact.objects.first()
    quiz = make_quiz(
        [make_question("mc", facts=[fact])], review_shows_key=False, review_shows_feedback=False
    )
    attempt = make_attempt(quiz, student)
    record_answer(attempt, 0, "a", now=timezone.now())
    finish_attempt(attempt, now=timezone.now())
    client.force_login(student)
    html = client.get(url("review", attempt)).content.decode()
    assert "✗ Incorrect" in html
    assert "Right answer" not in html
    assert "Show source" not in html


def test_a_quiz_reviewed_after_closing_shows_only_the_score_until_then(client, student):
    closes = timezone.now() + timedelta(days=1)
    quiz = make_quiz(
        [make_question("mc")], review_timing=Quiz.ReviewTiming.AFTER_CLOSE, closes_at=closes
    )
    attempt = make_attempt(quiz, student)
    record_answer(attempt, 0, "b", now=timezone.now())
    finish_attempt(attempt, now=timezone.now())
    client.force_login(student)
    html = client.get(url("review", attempt)).content.decode()
    assert "Score:</strong> 1 out of 1 (100%)" in html
    assert "can be reviewed after the quiz closes" in html
    assert "Question 1" not in html


def test_the_review_of_an_open_attempt_sends_its_learner_back_to_it(client, student, attempt):
    client.force_login(student)
    assert client.get(url("review", attempt))["Location"] == url("attempt", attempt)


def test_a_practice_attempt_can_be_abandoned_and_a_set_quiz_attempt_cannot(
    client, student, attempt, content
):
    from ajquiz.content.models import Topic

    topic = Topic.objects.first()
    make_question("mc", facts=[Fact.objects.for_topic(topic).first()])
    practice = make_attempt(practice_quiz(topic=topic), student)
    client.force_login(student)
    response = client.post(url("abandon", practice))
    assert response["Location"] == reverse("quizzes:practice")
    assert Attempt.objects.get(pk=practice.pk).state == Attempt.State.ABANDONED
    assert client.post(url("abandon", attempt)).status_code == 404
    assert Attempt.objects.get(pk=attempt.pk).is_in_progress


def test_the_quiz_page_shows_attempts_and_the_grade_by_method(client, student):
    quiz = make_quiz(
        [make_question("mc"), make_question("tf")],
        is_public=True,
        grading_method=Quiz.GradingMethod.AVERAGE,
        attempts_allowed=3,
        pass_mark=60,
    )
    for answers in ({0: "b", 1: "true"}, {0: "a"}):
        attempt = make_attempt(quiz, student)
        for slot, answer in answers.items():
            record_answer(attempt, slot, answer, now=timezone.now())
        finish_attempt(attempt, now=timezone.now())
    client.force_login(student)
    html = client.get(quiz.get_absolute_url()).content.decode()
    assert "Your grade:</strong> 50%" in html  # (100 + 0) / 2
    assert "not passed yet" in html
    assert "3 (1 left)" in html
    assert "Start a new attempt" in html
    assert "2 / 2 (100%)" in html and "0 / 2 (0%)" in html


def test_starting_a_quiz_needs_a_post_and_opens_the_attempt(client, student):
    quiz = make_quiz([make_question("mc")], is_public=True)
    client.force_login(student)
    assert client.get(reverse("quizzes:start", args=[quiz.uid])).status_code == 405
    response = client.post(reverse("quizzes:start", args=[quiz.uid]))
    attempt = Attempt.objects.get(quiz=quiz, user=student)
    assert response["Location"] == attempt.get_absolute_url()


def test_a_start_beyond_the_allowed_attempts_explains_why(client, student):
    quiz = make_quiz([make_question("mc")], is_public=True, attempts_allowed=1)
    finish_attempt(make_attempt(quiz, student), now=timezone.now())
    client.force_login(student)
    response = client.post(reverse("quizzes:start", args=[quiz.uid]), follow=True)
    assert "You have used all 1 attempts at this quiz." in response.content.decode()
    assert Attempt.objects.count() == 1
