"""The attempt pages make the same number of queries whether the bank covers 10 facts or
1,000, and whatever the number of questions on the page (no N+1)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ajquiz.content.models import Fact
from ajquiz.questions.models import Question
from ajquiz.quizzes.attempts import finish_attempt, record_answer
from ajquiz.quizzes.models import DrawRule, QuestionSet, Quiz
from tests.factories import SAMPLE_QUESTIONS, make_attempt

pytestmark = pytest.mark.django_db

KINDS = ["mc", "mr", "tf", "sa", "num", "cloze", "match", "order"]
ANSWERS = {
    "mc": "a",
    "mr": ["a", "d"],
    "tf": "false",
    "sa": "Hayashi",
    "num": "1910",
    "cloze": "London",
    "match": {"l1": "r1", "l2": "r3"},
    "order": ["i2", "i4", "i1", "i3"],
}


def grow_bank(facts):
    """One question per fact, kinds in turn; matching and ordering questions use 3 facts."""
    questions = []
    for index in range(len(facts)):
        kind = KINDS[index % len(KINDS)]
        payload, stem = SAMPLE_QUESTIONS[kind]
        question = Question(kind=kind, stem=stem, payload=payload)
        question.content_hash = question.compute_content_hash()
        questions.append(question)
    Question.objects.bulk_create(questions)
    links = []
    for index, question in enumerate(questions):
        span = 3 if question.kind in ("match", "order") else 1
        for fact in facts[index : index + span]:
            links.append(Question.facts.through(question_id=question.pk, fact_id=fact.pk))
    Question.facts.through.objects.bulk_create(links)


def quiz_over(facts, *, count, layout, feedback_mode):
    question_set = QuestionSet.objects.create(title="Over the bank")
    rule = DrawRule.objects.create(question_set=question_set, count=count)
    rule.facts.set(facts)
    return Quiz.objects.create(
        title="Over the bank",
        question_set=question_set,
        is_public=True,
        layout=layout,
        feedback_mode=feedback_mode,
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def measure(client, user, facts, *, count=10, layout=Quiz.Layout.ALL_ON_ONE):
    """Query counts of the attempt page (half answered, immediate feedback) and the review."""
    quiz = quiz_over(facts, count=count, layout=layout, feedback_mode=Quiz.FeedbackMode.IMMEDIATE)
    attempt = make_attempt(quiz, user)
    assert len(attempt.slots) == count
    kinds = Question.objects.in_bulk([slot["question"] for slot in attempt.slots])
    for index in range(0, count, 2):
        kind = kinds[attempt.slots[index]["question"]].kind
        record_answer(attempt, index, ANSWERS[kind], now=timezone.now())
    page = queries(client, attempt.get_absolute_url())
    finish = queries(client, reverse("quizzes:finish", args=[attempt.uid]))
    finish_attempt(attempt, now=timezone.now())
    review = queries(client, reverse("quizzes:review", args=[attempt.uid]))
    return {"attempt page": page, "finish summary": finish, "review": review}


def test_the_attempt_pages_query_count_is_flat_from_10_to_1000_facts(client, student, own_bank):
    facts = list(Fact.objects.order_by("pk")[:1000])
    assert len(facts) == 1000
    client.force_login(student)
    grow_bank(facts[:10])
    small = measure(client, student, facts[:10])
    grow_bank(facts[10:])
    assert Question.objects.current().count() == 1000
    large = measure(client, student, facts)
    assert small == large
    # session, user with its role, attempt, responses, questions, their facts
    # (+ the grade's attempts on the review)
    assert large == {"attempt page": 6, "finish summary": 4, "review": 7}


def test_the_attempt_page_query_count_does_not_grow_with_the_questions_on_it(
    client, student, own_bank
):
    facts = list(Fact.objects.order_by("pk")[:200])
    grow_bank(facts)
    client.force_login(student)
    assert measure(client, student, facts, count=5) == measure(client, student, facts, count=40)


def test_a_page_of_unanswered_questions_does_not_read_their_facts(client, student, own_bank):
    """Immediate feedback cites facts only once a slot is answered."""
    facts = list(Fact.objects.order_by("pk")[:20])
    grow_bank(facts)
    client.force_login(student)
    quiz = quiz_over(
        facts, count=4, layout=Quiz.Layout.ONE_PER_PAGE, feedback_mode=Quiz.FeedbackMode.IMMEDIATE
    )
    attempt = make_attempt(quiz, user=student)
    url = attempt.get_absolute_url()
    fresh = queries(client, url)
    first = Question.objects.get(pk=attempt.slots[0]["question"])
    record_answer(attempt, 0, ANSWERS[first.kind], now=timezone.now())
    answered = queries(client, url)
    assert answered == fresh + 1
    assert first.facts.first().quote in client.get(url).content.decode()


def checked_answer_queries(client, user, facts, *, count):
    quiz = quiz_over(
        facts, count=count, layout=Quiz.Layout.ALL_ON_ONE, feedback_mode=Quiz.FeedbackMode.IMMEDIATE
    )
    attempt = make_attempt(quiz, user)
    question = Question.objects.get(pk=attempt.slots[count - 1]["question"])
    answer = ANSWERS[question.kind]
    data = {f"s{count}": answer}
    if question.kind == "match":
        data = {f"s{count}-{left}": right for left, right in answer.items()}
    elif question.kind == "order":
        data = {f"s{count}-{item}": position for position, item in enumerate(answer, 1)}
    url = reverse("quizzes:answer", args=[attempt.uid, count])
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert attempt.responses.filter(slot=count - 1).exists()
    return len(captured)


def test_checking_an_answer_takes_the_same_queries_in_a_short_and_a_long_attempt(
    client, student, own_bank
):
    """The question read to parse the answer is graded and shown without reading it again."""
    facts = list(Fact.objects.order_by("pk")[:200])
    grow_bank(facts)
    client.force_login(student)
    short = checked_answer_queries(client, student, facts[:100], count=5)
    long = checked_answer_queries(client, student, facts[100:], count=40)
    assert short == long
    # session, user, attempt, question, then in one transaction (begin, locked attempt,
    # responses, insert, commit), the question's facts, user's groups: the responses read
    # under the lock are the ones shown
    assert long <= 11


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_the_draw_pool_is_read_from_its_index_alone_on_postgresql():
    # The index's condition must be drawable()'s whole filter: with only "not stale" (as
    # before), PostgreSQL read every row to check the author as well.
    pool = Question.objects.drawable().order_by().values_list("pk", "kind")
    sql, params = pool.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using questions_drawable_pool" in plan, plan
