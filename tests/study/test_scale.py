"""Queries whose cost must not grow with the fact store (issue 10's benchmarks)."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ajquiz.study.queue import due_summary, profile_for
from tests.factories import make_card
from tests.study.conftest import NOW


def test_counting_new_facts_walks_the_key_backwards_without_a_sort(student, deck, facts):
    """A count up to the daily limit stops early only along an index: not in reading order,
    which sorts every new fact first, and from the newest key, past fewer studied facts."""
    with CaptureQueriesContext(connection) as captured:
        summary = due_summary(student, now=NOW, profile=profile_for(student))
    assert summary.new == len(facts)
    counts = [query["sql"] for query in captured if "COUNT(" in query["sql"]]
    assert len(counts) == 1  # the due cards and the new facts in one statement
    assert 'ORDER BY "content_fact"."id" DESC LIMIT' in counts[0]
    assert "file_name" not in counts[0]


def test_new_count_leaves_out_the_studied_facts_whatever_their_keys(student, deck, facts):
    ordered = sorted(facts.values(), key=lambda fact: fact.pk)
    for fact in (ordered[0], ordered[-1]):
        make_card(student, fact, now=NOW - timedelta(days=3), due=NOW + timedelta(days=5))
    summary = due_summary(student, now=NOW, profile=profile_for(student))
    assert summary.new == len(facts) - 2
