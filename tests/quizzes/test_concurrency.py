"""Concurrent submits never lose or duplicate a response: 20 threads at once against one
attempt, each through the real views, on PostgreSQL (where row locks exist)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from ajquiz.quizzes.models import Attempt, Quiz, Response
from tests.factories import make_attempt, make_question, make_quiz

THREADS = 20

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are proven on PostgreSQL: set DATABASE_URL=postgres://...")


def run_together(user, work):
    """Run work(client, index) in THREADS threads released at the same instant."""
    barrier = threading.Barrier(THREADS)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def worker(index):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()
            statuses.extend(work(client, index))
        except BaseException as error:  # reported below, never swallowed
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return statuses


@pytest.mark.parametrize("mode", [Quiz.FeedbackMode.DEFERRED, Quiz.FeedbackMode.IMMEDIATE])
def test_twenty_threads_submitting_to_one_attempt_leave_exactly_one_response_per_slot(
    student, mode
):
    quiz = make_quiz([make_question(kind) for kind in ("mc", "tf", "sa")], feedback_mode=mode)
    attempt = make_attempt(quiz, student)

    def answers(index):
        # Threads disagree: half choose one option, half the other; every name differs.
        return [{"s1": "ab"[index % 2]}, {"s2": ["true", "false"][index % 2]}, {"s3": f"n{index}"}]

    def submit(client, index):
        # Every thread answers every slot, in a different order, half through htmx.
        headers = {"HTTP_HX_REQUEST": "true"} if index % 2 else {}
        order = [(index + k) % 3 for k in range(3)]
        return [
            client.post(
                reverse("quizzes:answer", args=[attempt.uid, slot + 1]),
                answers(index)[slot],
                **headers,
            ).status_code
            for slot in order
        ]

    statuses = run_together(student, submit)
    assert len(statuses) == THREADS * 3
    assert set(statuses) <= {200, 302}
    assert sorted(Response.objects.filter(attempt=attempt).values_list("slot", flat=True)) == [
        0,
        1,
        2,
    ]


def test_twenty_threads_submitting_the_same_answer_store_it_once(student):
    quiz = make_quiz([make_question("mc")], feedback_mode=Quiz.FeedbackMode.DEFERRED)
    attempt = make_attempt(quiz, student)

    def submit(client, index):
        url = reverse("quizzes:save", args=[attempt.uid])
        return [client.post(url, {"page": "1", "go": "next", "s1": "b"}).status_code]

    assert run_together(student, submit) == [302] * THREADS
    response = Response.objects.get(attempt=attempt)
    assert (response.answer, response.fraction, response.answered_at) == (
        "b",
        1.0,
        response.changed_at,
    )


def test_twenty_threads_finishing_while_answering_never_score_a_late_answer(student):
    quiz = make_quiz([make_question("mc"), make_question("tf")])
    attempt = make_attempt(quiz, student)

    def finish_or_answer(client, index):
        if index % 2:
            return [client.post(reverse("quizzes:finish", args=[attempt.uid])).status_code]
        url = reverse("quizzes:answer", args=[attempt.uid, 1 + index % 4 // 2])
        return [client.post(url, {"s1": "b", "s2": "true"}).status_code]

    assert set(run_together(student, finish_or_answer)) == {302}
    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.FINISHED
    # The score is the sum of exactly the responses that made it in before the finish.
    assert attempt.score == sum(
        Response.objects.filter(attempt=attempt).values_list("fraction", flat=True)
    )


def test_twenty_simultaneous_starts_open_one_attempt(student):
    quiz = make_quiz([make_question("mc")], is_public=True)

    def start(client, index):
        return [client.post(reverse("quizzes:start", args=[quiz.uid])).status_code]

    assert run_together(student, start) == [302] * THREADS
    assert Attempt.objects.filter(quiz=quiz, user=student).count() == 1
