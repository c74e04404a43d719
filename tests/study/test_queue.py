"""What comes next: due cards, new facts within the daily limits, siblings buried for the day."""

from __future__ import annotations

from datetime import timedelta

from ajquiz.content.models import MAX_QUOTE_LENGTH, Topic
from ajquiz.study.models import Card, Deck, StudyListEntry
from ajquiz.study.queue import (
    StudyDay,
    carry_flags,
    due_summary,
    new_facts,
    next_card,
    prompt_fact,
    with_prompt_facts,
)
from ajquiz.study.reviews import rate, undo_last
from tests.factories import make_card, make_entity, make_fact, make_facts_deck, make_source
from tests.study.conftest import NOW


def slug_of(found):
    return found.fact.slug if found else None


def test_new_facts_come_in_the_order_of_the_source(student, deck, profile):
    found = next_card(student, now=NOW, profile=profile)
    assert (slug_of(found), found.is_new) == ("study-place", True)


def test_an_empty_study_list_offers_nothing(student, profile):
    assert next_card(student, now=NOW, profile=profile) is None
    assert due_summary(student, now=NOW, profile=profile).total == 0


def test_a_rated_facts_sibling_is_buried_until_the_next_day(student, facts, deck, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    # "study-date" quotes the same words as "study-place": it is skipped today.
    assert slug_of(next_card(student, now=NOW, profile=profile)) == "study-lansdowne"
    assert due_summary(student, now=NOW, profile=profile).new == 4
    tomorrow = NOW + timedelta(days=1)
    Card.objects.filter(fact=facts["place"]).update(due=tomorrow + timedelta(days=3))
    assert slug_of(next_card(student, now=tomorrow, profile=profile)) == "study-date"


def test_a_due_card_whose_sibling_was_rated_today_waits_for_tomorrow(student, facts, profile):
    make_facts_deck(student, [facts["place"], facts["date"]])
    make_card(student, facts["date"], now=NOW - timedelta(days=5), due=NOW - timedelta(hours=1))
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    later = NOW + timedelta(minutes=1)
    # Not the overdue "study-date": the place card, still being learned, is let in early.
    assert slug_of(next_card(student, now=later, profile=profile)) == "study-place"
    summary = due_summary(student, now=later, profile=profile)
    assert (summary.learning, summary.review) == (1, 0)


def test_a_quote_of_the_longest_kind_overlapping_a_rated_one_is_buried(student, profile):
    words = [f"w{number:03d}" for number in range(400)]
    source = make_source("long-quotes", text=" ".join(words))
    start = " ".join(words[:100])
    longest = make_fact(
        "long-before", source.text[len(start) + 1 :][:MAX_QUOTE_LENGTH], source=source
    )
    rated = make_fact("rated-inside", " ".join(words[299:301]), source=source)
    touching = make_fact("touching-after", " ".join(words[301:305]), source=source)
    apart = make_fact("apart", " ".join(words[310:312]), source=source)
    assert longest.end - longest.start == MAX_QUOTE_LENGTH
    assert rated.start - longest.start == MAX_QUOTE_LENGTH - 5  # the edge of the range
    assert rated.start < longest.end and rated.end < touching.start

    rate(user=student, fact=rated, rating=3, now=NOW, profile=profile)

    assert StudyDay(student, NOW).done.buried == {longest.pk}
    make_facts_deck(student, [longest, rated, touching, apart])
    assert due_summary(student, now=NOW, profile=profile).new == 2


def test_undoing_the_rating_unburies_its_sibling(student, facts, deck, profile):
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    undo_last(student, now=NOW)
    assert due_summary(student, now=NOW, profile=profile).new == 6


def test_the_new_fact_limit_stops_new_facts_for_the_day(student, facts, deck, profile):
    profile.new_per_day = 2
    profile.save()
    rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)
    rate(user=student, fact=facts["lansdowne"], rating=3, now=NOW, profile=profile)
    summary = due_summary(student, now=NOW, profile=profile)
    assert (summary.learning, summary.review, summary.new) == (2, 0, 0)
    # Nothing new: the learning card due first within LEARN_AHEAD comes instead.
    found = next_card(student, now=NOW + timedelta(minutes=1), profile=profile)
    assert (slug_of(found), found.is_new) == ("study-place", False)
    assert due_summary(student, now=NOW + timedelta(days=1), profile=profile).new == 2


def test_the_review_limit_stops_learned_cards_but_not_cards_being_learned(
    student, facts, deck, profile
):
    profile.reviews_per_day = 2
    profile.new_per_day = 0
    profile.save()
    yesterday = NOW - timedelta(days=1)
    for name in ("lansdowne", "hayashi", "renewed"):
        make_card(student, facts[name], now=yesterday - timedelta(days=9), due=yesterday)
    learning = make_card(student, facts["ended"], now=NOW, state=1, due=NOW)
    assert due_summary(student, now=NOW, profile=profile).review == 2
    rate(user=student, fact=facts["lansdowne"], rating=3, now=NOW, profile=profile)
    rate(user=student, fact=facts["hayashi"], rating=3, now=NOW, profile=profile)
    assert due_summary(student, now=NOW, profile=profile).review == 0
    found = next_card(student, now=NOW, profile=profile)
    assert found.card == learning


def test_due_cards_come_oldest_first_before_new_facts(student, facts, deck, profile):
    make_card(student, facts["renewed"], now=NOW - timedelta(days=20), due=NOW - timedelta(days=1))
    make_card(student, facts["ended"], now=NOW - timedelta(days=20), due=NOW - timedelta(days=2))
    assert slug_of(next_card(student, now=NOW, profile=profile)) == "study-ended"


def test_a_deck_restricts_new_facts_and_reviews_to_its_facts(student, facts, profile):
    other = make_fact("study-outside", "The alliance was renewed in 1905 and again in 1911")
    narrow = make_facts_deck(student, [facts["renewed"]], key="test:narrow")
    make_card(student, other, now=NOW - timedelta(days=9), due=NOW - timedelta(hours=1))
    assert slug_of(next_card(student, now=NOW, profile=profile, deck=narrow)) == "study-renewed"
    # Without a deck, every due card of the learner comes up.
    assert slug_of(next_card(student, now=NOW, profile=profile)) == "study-outside"


def test_another_learners_cards_and_ratings_change_nothing(
    student, other_student, facts, deck, profile
):
    make_card(other_student, facts["ended"], now=NOW - timedelta(days=9), due=NOW)
    other_profile = profile.__class__.objects.create(user=other_student)
    rate(user=other_student, fact=facts["place"], rating=3, now=NOW, profile=other_profile)
    assert slug_of(next_card(student, now=NOW, profile=profile)) == "study-place"
    assert due_summary(student, now=NOW, profile=profile).new == 6


def test_a_study_list_of_every_kind_of_deck_offers_the_union_of_their_facts(
    student, facts, profile
):
    """One condition per kind of deck: a topic with its subtopic, a source, a list of facts."""
    parent = Topic.objects.create(slug="study-parent", name="Parent")
    child = Topic.objects.create(slug="study-child", name="Child", parent=parent)
    elsewhere = Topic.objects.create(slug="study-elsewhere", name="Elsewhere")
    facts["place"].topics.add(parent)
    facts["renewed"].topics.add(child)
    facts["ended"].topics.add(elsewhere)
    other_source = make_source(
        "study-other-source", text="Japan joined the League of Nations in 1920."
    )
    make_fact("study-joined", "Japan joined the League of Nations", source=other_source)
    for deck in (Deck.objects.for_topic(parent), Deck.objects.for_source(other_source)):
        StudyListEntry.objects.create(user=student, deck=deck)
    make_facts_deck(student, [facts["hayashi"]])

    offered = new_facts(student, StudyDay(student, NOW).scope)
    assert set(offered.values_list("slug", flat=True)) == {
        "study-place",  # the topic
        "study-renewed",  # its subtopic
        "study-joined",  # the source
        "study-hayashi",  # the list of facts
    }
    assert due_summary(student, now=NOW, profile=profile).new == 4


def test_a_prompts_fact_knows_whether_another_fact_shares_its_question_or_reverse(student, facts):
    # Lansdowne and Hayashi both signed the test treaty: "Who signed it?" has two answers.
    other_treaty = make_entity("study-other-treaty", "The other treaty", "treaty")
    make_fact(
        "study-place-again",
        "Lansdowne House in London",
        subject=other_treaty,
        predicate="took_place_in",
        object_entity=facts["place"].object_entity,
    )
    make_card(student, facts["place"], now=NOW)
    flags = {
        fact.slug: (fact.question_shared, fact.reverse_shared)
        for fact in (prompt_fact(facts[name].pk) for name in ("lansdowne", "place", "renewed"))
    }
    assert flags == {
        "study-lansdowne": (True, False),
        "study-place": (False, True),  # what took place at Lansdowne House has two answers
        "study-renewed": (False, False),
    }
    card = carry_flags(with_prompt_facts(Card.objects.filter(user=student)).get())
    assert (card.fact.question_shared, card.fact.reverse_shared) == (False, True)
