"""Undo of the last rating, and a rating given twice."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ajquiz.study.models import Card, ReviewLog
from ajquiz.study.reviews import AlreadyRated, rate, undo_last
from tests.factories import make_card
from tests.study.conftest import NOW


def test_undo_puts_the_card_back_exactly_as_it_was(student, facts, profile):
    card = make_card(student, facts["renewed"], now=NOW - timedelta(days=12), due=NOW, lapses=1)
    before = Card.objects.get(pk=card.pk).snapshot()
    rate(user=student, fact=facts["renewed"], rating=1, now=NOW, profile=profile)
    assert Card.objects.get(pk=card.pk).lapses == 2
    log = undo_last(student, now=NOW + timedelta(minutes=1))
    assert log.rating == 1
    assert Card.objects.get(pk=card.pk).snapshot() == before
    assert not ReviewLog.objects.filter(user=student).exists()


def test_undoing_a_first_rating_makes_the_fact_new_again(student, facts, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    undo_last(student, now=NOW)
    assert not Card.objects.filter(user=student).exists()
    assert not ReviewLog.objects.filter(user=student).exists()


def test_undo_takes_back_only_the_latest_rating(student, facts, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    rate(
        user=student,
        fact=facts["lansdowne"],
        rating=2,
        now=NOW + timedelta(seconds=5),
        profile=profile,
    )
    undone = undo_last(student, now=NOW + timedelta(seconds=6))
    assert undone.card.fact == facts["lansdowne"]
    assert list(Card.objects.filter(user=student).values_list("fact__slug", flat=True)) == [
        "study-place"
    ]


def test_there_is_nothing_to_undo_from_a_previous_day(student, facts, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    assert undo_last(student, now=NOW + timedelta(days=1)) is None
    assert Card.objects.filter(user=student).count() == 1


def test_undo_never_touches_another_learners_ratings(student, other_student, facts, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    assert undo_last(other_student, now=NOW) is None
    assert ReviewLog.objects.filter(user=student).count() == 1


def test_a_rating_of_a_card_that_moved_on_changes_nothing(student, facts, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile, seen_reps=0)
    with pytest.raises(AlreadyRated):
        rate(user=student, fact=facts["place"], rating=1, now=NOW, profile=profile, seen_reps=0)
    card = Card.objects.get(user=student)
    assert (card.reps, ReviewLog.objects.count()) == (1, 1)
