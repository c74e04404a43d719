"""The next card and the due counts with 100 000 review logs: same number of queries, indexed.

Runs on SQLite and, with DATABASE_URL set, on PostgreSQL; EXPLAIN (QUERY PLAN) must name the
indexes study_card_due and study_log_user_time.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ajquiz.content.models import Fact, Topic
from ajquiz.study.models import Card, Deck, ReviewLog, StudyProfile
from ajquiz.study.queue import (
    day_start,
    due_cards,
    due_summary,
    next_card,
    today,
    today_sql,
)
from tests.factories import make_card, make_facts_deck, make_user
from tests.study.conftest import NOW

LOGS = 100_000
FACTS = 1000
OTHER_LEARNERS = 20


def build_history(learner):
    fact_ids = list(Fact.objects.order_by("pk").values_list("pk", flat=True)[:FACTS])
    learners = [learner] + [make_user(f"load{n}") for n in range(OTHER_LEARNERS)]
    Card.objects.bulk_create(
        (
            Card(
                user=user,
                fact_id=fact_id,
                state=2,
                stability=20.0,
                difficulty=5.0,
                due=NOW + timedelta(hours=index - FACTS // 2),
                last_review=NOW - timedelta(days=20),
                reps=5,
                created_at=NOW - timedelta(days=90),
            )
            for user in learners
            for index, fact_id in enumerate(fact_ids)
        ),
        batch_size=5000,
    )
    cards = list(Card.objects.values_list("pk", "user_id", "due"))
    ReviewLog.objects.bulk_create(
        (
            ReviewLog(
                user_id=cards[n % len(cards)][1],
                card_id=cards[n % len(cards)][0],
                rating=1 + n % 4,
                reviewed_at=NOW - timedelta(minutes=7 * n),
                state_before=2,
                state_after=2,
                stability_after=20.0,
                difficulty_after=5.0,
                due_after=cards[n % len(cards)][2],
            )
            for n in range(LOGS)
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def queries_of(learner, profile):
    with CaptureQueriesContext(connection) as captured:
        found = next_card(learner, now=NOW, profile=profile)
        summary = due_summary(learner, now=NOW, profile=profile)
    return len(captured), found, summary


@pytest.fixture
def learner(db):
    learner = make_user("learner")
    make_facts_deck(learner, Fact.objects.order_by("pk")[:FACTS])
    return learner


def test_with_100_000_logs_next_card_and_due_counts_take_as_many_queries_and_use_indexes(
    learner,
):
    profile = StudyProfile.objects.create(user=learner)
    outside = Fact.objects.order_by("pk")[FACTS + 1]
    make_card(learner, outside, now=NOW - timedelta(days=3), due=NOW - timedelta(days=1))
    small, found, _ = queries_of(learner, profile)
    assert found.fact == outside

    build_history(learner)
    assert ReviewLog.objects.count() == LOGS
    started = time.perf_counter()
    large, found, summary = queries_of(learner, profile)
    elapsed = time.perf_counter() - started
    assert large == small
    assert found.card.due < NOW - timedelta(hours=FACTS // 2 - 1)  # the oldest due first
    reviewed_today = ReviewLog.objects.filter(
        user=learner, reviewed_at__gte=day_start(NOW), state_before=2
    ).count()
    assert summary.review == profile.reviews_per_day - reviewed_today

    # The queries next_card runs: today's ratings and the facts they bury, then the oldest due
    # card that is not buried (its fact is then read by key).
    buried = today(learner, NOW).buried
    assert buried
    due_plan = due_cards(learner, NOW, buried=buried)[:1].explain()
    sql, params = today_sql(learner, NOW)
    with connection.cursor() as cursor:
        cursor.execute(f"{connection.ops.explain_query_prefix()} {sql}", params)
        today_plan = "\n".join(" ".join(map(str, row)) for row in cursor.fetchall())
    print(
        f"\n{connection.vendor}: {large} queries, next card and due counts in {elapsed:.3f} s"
        f"\ndue plan:\n{due_plan}\ntoday plan:\n{today_plan}",
        flush=True,
    )
    assert "study_card_due" in due_plan
    assert "study_log_user_time" in today_plan
    assert "content_fact_source_start" in today_plan


def test_a_topic_deck_checks_each_facts_own_links(content):
    """Not a list of every link of the topic first: SQLite built that list before checking the
    first fact (counting 20 new facts of a 100,000-fact deck: 20 ms, by each fact's links 4)."""
    topic = Topic.objects.filter(parent__isnull=True, children__isnull=False).first()
    in_deck = Fact.objects.filter(Deck.objects.for_topic(topic).fact_filter())
    assert set(in_deck.values_list("pk", flat=True)) == set(
        Fact.objects.for_topic(topic).values_list("pk", flat=True)
    )
    if connection.vendor == "sqlite":  # PostgreSQL plans IN and EXISTS as one semi-join
        plan = in_deck.order_by()[:20].explain()
        assert "CORRELATED" in plan
        assert "content_fact_topics_fact_id_topic_id" in plan
