"""Queries whose cost must not grow with the fact store (issue 10's benchmarks)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ajquiz.study.queue import due_summary, profile_for
from tests.study.conftest import NOW


def test_counting_new_facts_does_not_sort_them(student, deck, facts):
    """A count up to the daily limit stops early only when the facts are not ordered first."""
    with CaptureQueriesContext(connection) as captured:
        summary = due_summary(student, now=NOW, profile=profile_for(student))
    assert summary.new == len(facts)
    counts = [query["sql"] for query in captured if query["sql"].startswith("SELECT COUNT(*)")]
    assert len(counts) == 1
    assert "ORDER BY" not in counts[0]
