from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ajquiz.content.models import Fact
from tests.factories import make_question

KINDS = ["mc", "mr", "tf", "sa", "num", "cloze", "match", "order"]

# Form data answering each sample question of tests.factories, right and wrong, for a prefix.
RIGHT = {
    "mc": lambda p: {p: "b"},
    "mr": lambda p: {p: ["a", "b", "c"]},
    "tf": lambda p: {p: "true"},
    "sa": lambda p: {p: "Hayashi"},
    "num": lambda p: {p: "1911"},
    "cloze": lambda p: {p: "London"},
    "match": lambda p: {f"{p}-l1": "r1", f"{p}-l2": "r2", f"{p}-l3": "r3"},
    "order": lambda p: {f"{p}-i4": "1", f"{p}-i2": "2", f"{p}-i1": "3", f"{p}-i3": "4"},
}
WRONG = {
    "mc": lambda p: {p: "a"},
    "mr": lambda p: {p: ["d", "e"]},
    "tf": lambda p: {p: "false"},
    "sa": lambda p: {p: "Katsura"},
    "num": lambda p: {p: "1905"},
    "cloze": lambda p: {p: "Paris"},
    "match": lambda p: {f"{p}-l1": "r2", f"{p}-l2": "r1", f"{p}-l3": "r1"},
    "order": lambda p: {f"{p}-i3": "1", f"{p}-i1": "2", f"{p}-i2": "3", f"{p}-i4": "4"},
}


@pytest.fixture
def now():
    return datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def every_kind(content):
    """One question of every kind, in KINDS order, each anchored to a different fact."""
    facts = list(Fact.objects.select_related("source").order_by("pk")[: len(KINDS)])
    return [make_question(kind, facts=[fact]) for kind, fact in zip(KINDS, facts, strict=True)]


@pytest.fixture
def own_bank(content):
    """Retire the generated bank (if loaded) so draws see only the questions a test makes."""
    from ajquiz.questions.models import Question

    Question.objects.update(is_stale=True)
