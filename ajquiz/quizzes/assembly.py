"""Assembling an attempt's slots from a question set: which questions, in which order, with
their options and items in which order. Frozen once, stored in Attempt.slots.

Everything here is deterministic for a seed, so an attempt can be rebuilt (and tested).
"""

from __future__ import annotations

import random

from django.db.models import CharField, Value

from ajquiz.questions.draw import draw_question_ids
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import DrawRule

Kind = Question.Kind


def assemble_slots(question_set, *, seed: int, shuffle_questions: bool, shuffle_options: bool):
    """The frozen slots of a new attempt: [{"question": id, "options": [...], "items": [...]}]."""
    rng = random.Random(seed)
    questions = pick_questions(question_set, seed=seed)
    if shuffle_questions:
        rng.shuffle(questions)
    return [freeze_slot(question, rng, shuffle_options=shuffle_options) for question in questions]


def pick_questions(question_set, *, seed: int) -> list[Question]:
    """Fixed questions and draws merged by position (a fixed question first on a tie), read
    in one query with what freezing a slot needs."""
    entries = list(question_set.fixed.all())
    fixed_ids = {entry.question_id for entry in entries}
    rules = list(question_set.draws.all())
    filters = rule_filters(rules)
    plan = [(entry.position, 0, index, entry) for index, entry in enumerate(entries)]
    plan += [(rule.position, 1, index, rule) for index, rule in enumerate(rules)]
    chosen: list[int] = []
    for _position, is_draw, index, what in sorted(plan, key=lambda row: row[:3]):
        if not is_draw:
            chosen.append(what.question_id)
            continue
        chosen += draw_question_ids(
            count=what.count,
            seed=seed + index,
            kinds=list(what.kinds or []),
            exclude=fixed_ids.union(chosen),
            **filters[what.pk],
        )
    by_id = Question.objects.only("kind", "payload").in_bulk(chosen)
    return [by_id[pk] for pk in chosen]


def rule_filters(rules) -> dict[int, dict[str, list[int]]]:
    """Each rule's topic ids (with their subtopics), source ids and fact ids, in one query
    (three prefetches and a query per rule for the subtopics before)."""
    filters = {rule.pk: {"topics": [], "sources": [], "facts": []} for rule in rules}
    if not rules:
        return filters

    def links(field, *, linked):
        through = getattr(DrawRule, field).through.objects.filter(drawrule__in=rules)
        return through.values_list("drawrule_id", Value(field, output_field=CharField()), linked)

    rows = links("topics", linked="topic_id").union(
        links("topics", linked="topic__children"),  # None for a topic without subtopics
        links("sources", linked="source_id"),
        links("facts", linked="fact_id"),
        all=True,
    )
    for rule_id, field, linked_id in rows:
        if linked_id is not None:
            filters[rule_id][field].append(linked_id)
    return filters


def freeze_slot(question: Question, rng: random.Random, *, shuffle_options: bool) -> dict:
    slot: dict = {"question": question.pk}
    payload = question.payload
    if question.kind in (Kind.MULTIPLE_CHOICE, Kind.MULTIPLE_RESPONSE):
        options = [option["id"] for option in payload["options"]]
        # Options a template lists in order (dates, years) keep it: payload "shuffle": false.
        if shuffle_options and payload.get("shuffle", True):
            rng.shuffle(options)
        slot["options"] = options
    elif question.kind == Kind.ORDERING:
        slot["items"] = scrambled(payload["key"], rng)
    return slot


def scrambled(key: list[str], rng: random.Random) -> list[str]:
    """A random order of the items that is never already the right one (when n > 1)."""
    items = list(key)
    rng.shuffle(items)
    if len(items) > 1 and items == list(key):
        items = items[1:] + items[:1]
    return items
