"""Turning facts into questions with templates: one builder per kind.

A builder takes a template, the facts it asks about, the fact store and a seed, and returns a
Draft or None when the facts cannot make an honest question of that kind (too few distractors,
the key would appear in the stem, a negative stem...). The same inputs always give the same
Draft: randomness comes only from random.Random(seed material).
"""

from __future__ import annotations

from ajquiz.questions.choice import build_multiple_choice, build_multiple_response
from ajquiz.questions.claims import build_true_false, names_its_answer
from ajquiz.questions.drafts import Draft, Kind
from ajquiz.questions.groups import build_matching, build_ordering
from ajquiz.questions.store import FactStore, FactView
from ajquiz.questions.typed import build_cloze, build_numeric, build_short_answer


def build(template, facts: list[FactView], store: FactStore, seed: int) -> Draft | None:
    if len(facts) == 1 and template.kind != Kind.CLOZE and names_its_answer(facts[0]):
        return None  # only the quote, where the name stands, may ask it
    builder = BUILDERS[template.kind]
    draft = builder(template, facts, store, seed)
    if draft is None:
        return None
    draft.template, draft.seed = template.slug, seed
    # Feedback pages show each fact's statement and quote; only a template's own note goes here.
    draft.feedback = template.feedback
    return draft


BUILDERS = {
    Kind.MULTIPLE_CHOICE: build_multiple_choice,
    Kind.MULTIPLE_RESPONSE: build_multiple_response,
    Kind.TRUE_FALSE: build_true_false,
    Kind.SHORT_ANSWER: build_short_answer,
    Kind.NUMERIC: build_numeric,
    Kind.CLOZE: build_cloze,
    Kind.MATCHING: build_matching,
    Kind.ORDERING: build_ordering,
}
