"""Properties that hold for every template, fact and seed (hypothesis draws them)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.bank import fact_groups
from ajquiz.questions.generate import build
from ajquiz.questions.grading import normalise
from ajquiz.questions.store import FactStore

pytestmark = pytest.mark.django_db
Kind = QuestionTemplate.Kind
CHOICE = {Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        store = FactStore.load()
        templates = list(QuestionTemplate.objects.filter(active=True).order_by("slug"))
        groups = {template.slug: fact_groups(template, store) for template in templates}
    return store, [template for template in templates if groups[template.slug]], groups


def _stated_texts(store, fact):
    """Every way the store names an object it states for this subject and predicate."""
    texts = set()
    for sibling in store.siblings(fact):
        texts.add(normalise(sibling.object_display))
        if sibling.date_year:
            texts.add(str(sibling.date_year))
    return texts


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_generated_question_has_one_defensible_key(world, data):
    store, templates, groups = world
    template = data.draw(st.sampled_from(templates), label="template")
    group = data.draw(st.sampled_from(groups[template.slug]), label="facts")
    seed = data.draw(st.integers(min_value=0, max_value=10_000), label="seed")
    draft = build(template, group, store, seed)
    if draft is None:
        return
    assert build(template, group, store, seed).payload == draft.payload  # deterministic
    if draft.kind not in CHOICE:
        return
    options = draft.payload["options"]
    keys = [option for option in options if option["correct"]]
    wrong = [option for option in options if not option["correct"]]
    assert len({normalise(option["text"]) for option in options}) == len(options)
    if draft.kind == Kind.MULTIPLE_CHOICE:
        assert len(keys) == 1
    assert not {normalise(o["text"]) for o in keys} & {normalise(o["text"]) for o in wrong}
    reverse = "{object}" in template.stem and "{subject}" not in template.stem
    fact = draft.facts[0]
    if reverse:
        stating = {
            store.entities[subject_id].name
            for subject_id in store.subjects_stating(fact.predicate, fact.object_key)
        }
        assert not {o["text"] for o in wrong} & stating
    else:
        stated = _stated_texts(store, fact)
        for option in wrong:
            # A distractor is never an object the store states for this subject and predicate.
            assert normalise(option["text"]) not in stated, (template.slug, fact.slug, option)
