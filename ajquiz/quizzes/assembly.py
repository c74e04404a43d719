"""Assembling an attempt's slots from a question set: which questions, in which order, with
their options and items in which order. Frozen once, stored in Attempt.slots.

Everything here is deterministic for a seed, so an attempt can be rebuilt (and tested).
"""

from __future__ import annotations

import random

from django.db.models import Prefetch, Q

from ajquiz.content.models import Topic
from ajquiz.questions.draw import draw_questions
from ajquiz.questions.models import Question

Kind = Question.Kind


def assemble_slots(question_set, *, seed: int, shuffle_questions: bool, shuffle_options: bool):
    """The frozen slots of a new attempt: [{"question": id, "options": [...], "items": [...]}]."""
    rng = random.Random(seed)
    questions = pick_questions(question_set, seed=seed)
    if shuffle_questions:
        rng.shuffle(questions)
    return [freeze_slot(question, rng, shuffle_options=shuffle_options) for question in questions]


def pick_questions(question_set, *, seed: int) -> list[Question]:
    """Fixed questions and draws merged by position (a fixed question first on a tie)."""
    entries = list(question_set.fixed.all())
    fixed_ids = {entry.question_id for entry in entries}
    by_id = Question.objects.in_bulk(fixed_ids)
    rules = list(
        question_set.draws.prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("pk")), "sources", "facts"
        )
    )
    plan = [(entry.position, 0, index, entry) for index, entry in enumerate(entries)]
    plan += [(rule.position, 1, index, rule) for index, rule in enumerate(rules)]
    chosen: list[Question] = []
    for _position, is_draw, index, what in sorted(plan, key=lambda row: row[:3]):
        if not is_draw:
            chosen.append(by_id[what.question_id])
            continue
        taken = fixed_ids | {question.pk for question in chosen}
        chosen.extend(draw_for_rule(what, seed=seed + index, exclude=taken))
    return chosen


def draw_for_rule(rule, *, seed: int, exclude) -> list[Question]:
    topic_ids = [topic.pk for topic in rule.topics.all()]
    topics = (
        list(Topic.objects.filter(Q(pk__in=topic_ids) | Q(parent__in=topic_ids)))
        if topic_ids
        else []
    )
    return draw_questions(
        count=rule.count,
        seed=seed,
        topics=topics,
        sources=list(rule.sources.all()),
        facts=list(rule.facts.all()),
        kinds=list(rule.kinds or []),
        exclude=exclude,
    )


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
