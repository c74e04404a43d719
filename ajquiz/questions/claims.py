"""True or false: the fact's statement, or the same claim with a wrong object."""

from __future__ import annotations

import re

from ajquiz.content.predicates import PREDICATES, ObjectType
from ajquiz.questions import distractors
from ajquiz.questions.drafts import (
    Draft,
    Kind,
    rng_for,
)
from ajquiz.questions.phrasing import is_negative, sentence


def build_true_false(template, facts, store, seed) -> Draft | None:
    """The fact's statement, or the statement with its object swapped for a distractor.

    Where the object cannot be found in the statement, both the true and the false version
    are built from the predicate's wording instead, so that the two read alike.
    """
    fact = facts[0]
    says_true = rng_for("tf", template.slug, fact.slug, seed).random() < 0.5
    wrong = _wrong_object(template, fact, store, seed)
    if wrong is None:
        return None
    shown, replacement = wrong
    if shown and fact.statement.count(shown) == 1 and not is_negative(fact.statement):
        true_claim = fact.statement
        false_claim = fact.statement.replace(shown, replacement)
    else:
        true_claim = _plain_claim(fact, fact.object_display)
        false_claim = _plain_claim(fact, replacement)
    claim = true_claim if says_true else false_claim
    if claim is None or is_negative(claim):
        return None
    payload = {"answer": says_true, "correction": "" if says_true else fact.statement}
    return Draft(Kind.TRUE_FALSE, template.stem.replace("{statement}", claim), payload, [fact])


def _wrong_object(template, fact, store, seed) -> tuple[str, str] | None:
    """The object as the statement shows it, and a distractor the store does not state."""
    rng = rng_for("tf-false", template.slug, fact.slug, seed)
    if fact.object_type == ObjectType.DATE:
        wrong = distractors.year_choices(fact, store, rng, 1, rng.randrange(2))
        if not wrong:
            return None
        # "12 August 1905" becomes "12 August 1903": the same form, another year.
        return fact.object_display, fact.object_display.replace(str(fact.date_year), wrong[0].text)
    if fact.object_type == ObjectType.NUMBER:
        wrong = distractors.number_choices(fact, store, rng, 1, rng.randrange(2))
        if not wrong:
            return None
        return fact.object_display.split()[0], wrong[0].text.split()[0]
    if fact.object_entity is not None:
        wrong = distractors.entity_choices(fact, store, rng, 1)
    else:
        wrong = distractors.same_predicate_choices(fact, store, rng, 4)
    wrong = [choice for choice in wrong if not is_negative(choice.text)]
    return (fact.object_display, wrong[0].text) if wrong else None


def _plain_claim(fact, object_text: str) -> str | None:
    """ "<Subject> <predicate label> <object>." from the vocabulary's wording."""
    from ajquiz.questions.phrasing import noun_phrase

    predicate = PREDICATES.get(fact.predicate)
    if predicate is None or "(" in predicate.label:
        return None
    label = predicate.label
    if fact.object_type == ObjectType.DATE and fact.precision != "day":
        label = re.sub(r"\bon$", "in", label)
    keep_qualifier = fact.qualifier and not is_negative(fact.qualifier)
    qualifier = f" ({fact.qualifier})" if keep_qualifier else ""
    return sentence(f"{noun_phrase(fact.subject)} {label} {object_text}{qualifier}.")
