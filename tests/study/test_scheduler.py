"""Scheduling is the fsrs package's: the same ratings give the same cards, to the last bit."""

from __future__ import annotations

from datetime import timedelta

import fsrs
import pytest

from ajquiz.study.models import Card, ReviewLog, State
from ajquiz.study.reviews import rate
from ajquiz.study.scheduler import (
    CardState,
    describe_interval,
    preview,
    recall_chance,
    retrievability,
    review,
    scheduler_for,
)
from tests.study.conftest import NOW

# (rating, minutes after the previous review)
SCRIPT = [
    (3, 0),
    (3, 10),
    (3, 60 * 24 * 2),
    (1, 60 * 24 * 9),
    (2, 10),
    (3, 60 * 24),
    (4, 60 * 24 * 5),
    (3, 60 * 24 * 30),
]


def fsrs_reference(desired_retention: float):
    scheduler = fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=False)
    card = fsrs.Card(card_id=1)
    when = NOW
    for rating, minutes in SCRIPT:
        when = when + timedelta(minutes=minutes)
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), when)
        yield when, card


@pytest.mark.parametrize("retention", [0.9, 0.8])
def test_ratings_recorded_in_the_database_match_fsrs_for_a_scripted_sequence(
    student, facts, profile, retention
):
    profile.desired_retention = retention
    profile.save()
    fact = facts["place"]
    for when, expected in fsrs_reference(retention):
        rate(user=student, fact=fact, rating=_rating_at(when), now=when, profile=profile)
        card = Card.objects.get(user=student, fact=fact)
        assert (card.state, card.step) == (int(expected.state), expected.step)
        assert card.stability == expected.stability
        assert card.difficulty == expected.difficulty
        assert card.due == expected.due
        assert card.last_review == expected.last_review
    assert card.reps == len(SCRIPT)
    assert card.lapses == 1  # the Again of a card in Review


def _rating_at(when):
    offset = NOW
    for rating, minutes in SCRIPT:
        offset += timedelta(minutes=minutes)
        if offset == when:
            return rating
    raise AssertionError(when)


def test_each_log_keeps_the_rating_time_and_state_before_and_after(student, facts, profile):
    fact = facts["place"]
    rate(user=student, fact=fact, rating=3, now=NOW, profile=profile, duration_ms=4200)
    rate(user=student, fact=fact, rating=3, now=NOW + timedelta(minutes=10), profile=profile)
    first, second = ReviewLog.objects.filter(user=student).order_by("reviewed_at")
    assert (first.rating, first.reviewed_at, first.duration_ms) == (3, NOW, 4200)
    assert (first.state_before, first.state_after) == (State.NEW, State.LEARNING)
    assert first.card_before is None and first.retrievability is None
    assert (second.state_before, second.state_after) == (State.LEARNING, State.REVIEW)
    assert second.card_before["reps"] == 1
    assert second.due_after == Card.objects.get().due


def test_a_duration_is_clamped_to_ten_minutes(student, facts, profile):
    log = rate(
        user=student, fact=facts["place"], rating=3, now=NOW, profile=profile, duration_ms=3_600_000
    )
    assert log.duration_ms == 600_000


def test_each_rating_previews_the_interval_it_gives_a_new_card():
    state = CardState()
    intervals = preview(state, now=NOW, desired_retention=0.9)
    scheduler = scheduler_for(0.9, fuzz=False)
    for rating in (1, 2, 3, 4):
        assert intervals[rating] == review(state, rating, now=NOW, scheduler=scheduler).due - NOW
    assert [describe_interval(intervals[r]) for r in (1, 2, 3, 4)] == [
        "1 min",
        "6 min",
        "10 min",
        "8 days",
    ]


def test_recall_chance_from_two_fields_is_the_retrievability_of_the_whole_card():
    scheduler = scheduler_for(fuzz=False)
    state = CardState()
    for rating in (3, 3, 1, 4):
        state = review(state, rating, now=NOW, scheduler=scheduler)
    for later in (timedelta(0), timedelta(days=3), timedelta(days=40)):
        now = NOW + later
        whole = retrievability(state, now=now, scheduler=scheduler)
        assert recall_chance(state.stability, state.last_review, now=now, scheduler=scheduler) == (
            pytest.approx(whole)
        )
    assert recall_chance(None, None, now=NOW, scheduler=scheduler) == 0.0
    faded = recall_chance(
        state.stability, state.last_review, now=NOW + timedelta(days=400), scheduler=scheduler
    )
    assert 0 < faded < retrievability(state, now=NOW, scheduler=scheduler)


def test_higher_desired_retention_gives_shorter_intervals():
    state = review(CardState(), 3, now=NOW, scheduler=scheduler_for(0.9, fuzz=False))
    state = review(state, 3, now=state.due, scheduler=scheduler_for(0.9, fuzz=False))
    relaxed = preview(state, now=state.due, desired_retention=0.8)[3]
    strict = preview(state, now=state.due, desired_retention=0.95)[3]
    assert strict < relaxed


@pytest.mark.parametrize(
    ("interval", "words"),
    [
        (timedelta(seconds=20), "1 min"),
        (timedelta(minutes=10), "10 min"),
        (timedelta(hours=5), "5 h"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=12), "12 days"),
        (timedelta(days=76), "2.5 months"),
        (timedelta(days=365 * 2), "2 years"),
    ],
)
def test_intervals_are_described_in_words(interval, words):
    assert describe_interval(interval) == words
