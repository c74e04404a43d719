"""seed_synthetic: anchored synthetic facts and learners' histories for the benchmarks."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from ajquiz.content.models import Fact, Source
from ajquiz.study.models import Card, ReviewLog, StudyListEntry
from ajquiz.study.streaks import FIRST_WINDOW, streak


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_synthetic", stdout=out, **options)
    return out.getvalue()


def test_it_makes_anchored_facts_and_a_learner_with_the_logs_asked_for(db):
    output = seed(facts=10, review_logs=100)
    source = Source.objects.get(slug="synthetic")
    facts = list(Fact.objects.filter(source=source).order_by("pk"))
    assert len(facts) == 10
    assert all(source.text[fact.start : fact.end] == fact.quote for fact in facts)
    assert {topic.slug for fact in facts for topic in fact.topics.all()} == {"synthetic"}
    assert Card.objects.filter(user__username="bench-learner").count() == 10
    assert ReviewLog.objects.filter(user__username="bench-learner").count() == 100
    assert StudyListEntry.objects.get(user__username="bench-learner").deck.topic.slug == (
        "synthetic"
    )
    assert "bench-learner: 10 cards, 100 review logs." in output


def test_every_size_has_due_cards_and_a_streak_longer_than_a_month(db):
    """So the benchmarks take the same paths at 10 facts as at 100,000."""
    seed(facts=10, review_logs=100)
    now = timezone.now()
    learner = Card.objects.filter(user__username="bench-learner").first().user
    assert Card.objects.due(learner, now).count() == 10
    found = streak(learner, now=now)
    assert found.days >= 40 > FIRST_WINDOW
    assert not found.studied_today


def test_a_second_run_adds_facts_and_replaces_the_histories_shared_by_learners(db):
    seed(facts=10, review_logs=100)
    seed(facts=30, review_logs=200, learners=2)
    source = Source.objects.get(slug="synthetic")
    assert Fact.objects.filter(source=source).count() == 30
    last = Fact.objects.get(slug="synthetic-0000029")
    assert source.text[last.start : last.end] == last.quote
    assert ReviewLog.objects.filter(user__username="bench-learner").count() == 100
    assert ReviewLog.objects.filter(user__username="bench-learner-2").count() == 100
    assert Card.objects.filter(user__username="bench-learner").count() == 10
    first_logs = ReviewLog.objects.filter(user__username="bench-learner").order_by("reviewed_at")
    assert first_logs.first().state_before == 0  # a card's first rating is of a new fact


def test_it_refuses_sizes_below_one(db):
    with pytest.raises(CommandError, match="at least 1"):
        seed(facts=0)
