"""Questions over several facts: matching pairs and chronological order."""

from __future__ import annotations

from ajquiz.content.predicates import ObjectType
from ajquiz.questions.drafts import (
    Draft,
    Kind,
    rng_for,
)
from ajquiz.questions.grading import mentions, normalise
from ajquiz.questions.phrasing import event_phrase, sentence
from ajquiz.questions.store import YEAR

MIN_GROUP = 3


def build_matching(template, facts, store, seed) -> Draft | None:
    if not MIN_GROUP <= len(facts) <= 6:
        return None
    rng = rng_for("match", template.slug, *[fact.slug for fact in facts], seed)
    rights_text = [_object_text(fact) for fact in facts]
    if len(set(map(normalise, rights_text))) != len(facts):
        return None
    for fact in facts:
        stated = store.stated_object_keys(fact.subject.id, fact.predicate)
        if any(other.object_key in stated for other in facts if other is not fact):
            return None  # another right item is also true of this left item
    lefts = [
        {"id": f"l{index + 1}", "text": sentence(fact.subject.name)}
        for index, fact in enumerate(facts)
    ]
    order = list(range(len(facts)))
    if facts[0].object_type == ObjectType.DATE:
        order.sort(key=lambda index: facts[index].date_year)
    else:
        rng.shuffle(order)
    rights = [
        {"id": f"r{position + 1}", "text": rights_text[index]}
        for position, index in enumerate(order)
    ]
    right_id = {index: rights[position]["id"] for position, index in enumerate(order)}
    key = {lefts[index]["id"]: right_id[index] for index in range(len(facts))}
    return Draft(
        Kind.MATCHING, template.stem, {"lefts": lefts, "rights": rights, "key": key}, list(facts)
    )


def matchable(fact) -> bool:
    """False when the subject's name gives its match away: 'Treaty of Peking (1860)' to 1860,
    'St. Andrew's University (Osaka)' to Osaka."""
    if fact.object_type == ObjectType.DATE and fact.date_year is None:
        return False  # a day with no year matches nothing the others can be told from
    return not mentions(fact.subject.name, _object_text(fact))


def _object_text(fact) -> str:
    if fact.object_type == ObjectType.DATE:
        return str(fact.date_year)
    return fact.object_display


def build_ordering(template, facts, store, seed) -> Draft | None:
    if not MIN_GROUP <= len(facts) <= 5:
        return None
    years = [fact.date_year for fact in facts]
    if None in years or len(set(years)) != len(years):
        return None
    texts = [event_phrase(fact) for fact in facts]
    if None in texts or len(set(texts)) != len(texts) or any(YEAR.search(text) for text in texts):
        return None
    rng = rng_for("order", template.slug, *[fact.slug for fact in facts], seed)
    items = [
        {"id": f"i{index + 1}", "text": text, "year": fact.date_year}
        for index, (fact, text) in enumerate(zip(facts, texts, strict=True))
    ]
    key = [item["id"] for item in sorted(items, key=lambda item: item["year"])]
    for _ in range(5):
        rng.shuffle(items)
        if [item["id"] for item in items] != key:
            break
    payload = {"items": items, "key": key, "direction": "earliest first"}
    return Draft(Kind.ORDERING, template.stem, payload, list(facts))
