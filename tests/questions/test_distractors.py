"""Wrong options never name the subject they are asked about."""

from __future__ import annotations

import random

import pytest

from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.bank import drafts_for
from ajquiz.questions.distractors import entity_choices, names
from ajquiz.questions.store import FactStore

pytestmark = pytest.mark.django_db
Kind = QuestionTemplate.Kind


@pytest.fixture
def store(content):
    return FactStore.load()


def entity(store, slug):
    return next(entity for entity in store.entities.values() if entity.slug == slug)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("russia", "Russian occupation of the Liaodong Peninsula (1898)"),
        ("japan", "Anglo-Japanese Treaty of 1902"),
        ("japan", "Japan's offer: Manchuria for Korea"),
        ("united-kingdom", "UK carrier strike group 2021"),
        ("united-kingdom", "British Foreign Policy Group"),
    ],
)
def test_a_name_built_on_a_country_or_its_people_names_it(store, subject, text):
    assert names(text, entity(store, subject))


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("russia", "Boxer Rebellion"),
        ("japan", "Treaty of Portsmouth"),
        ("united-kingdom", "Washington Naval Conference"),
    ],
)
def test_other_names_do_not(store, subject, text):
    assert not names(text, entity(store, subject))


def test_only_countries_places_and_people_are_looked_for_in_names(store):
    group = next(e for e in store.entities.values() if e.kind == "event" and len(e.name) > 8)
    assert not names(group.name, group)


def test_no_entity_option_names_the_subject_asked_about(store):
    checked = 0
    for template in QuestionTemplate.objects.filter(
        active=True, kind__in=[Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE]
    ):
        for draft in drafts_for(template, store):
            fact = draft.facts[0]
            if fact.object_entity is None or "{subject}" not in template.stem:
                continue
            for option in draft.payload["options"]:
                if not option["correct"]:
                    checked += 1
                    assert not names(option["text"], fact.subject), (draft.stem, option["text"])
    assert checked > 1000


def test_entity_distractors_of_every_fact_leave_out_names_of_its_subject(store):
    """What true/false swaps in and multiple choice offers for an entity object."""
    offered = 0
    for fact in store.facts:
        if fact.object_entity is None:
            continue
        for choice in entity_choices(fact, store, random.Random(fact.id), 4):
            offered += 1
            assert not names(choice.text, fact.subject), (fact.slug, choice.text)
    assert offered > 1000
