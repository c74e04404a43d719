from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.factories import make_fact, make_facts_deck, make_study_facts

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_fuzz(settings):
    """Intervals are exact in tests: fsrs's fuzz is random."""
    settings.STUDY_FSRS_FUZZING = False


@pytest.fixture
def facts(db):
    return make_study_facts()


@pytest.fixture
def clause_fact(facts):
    """A fact whose predicate takes a clause: "The test treaty is characterised by …" does not
    read."""
    return make_fact(
        "study-attribute",
        "The treaty was signed",
        predicate="attribute",
        object_text="short-lived",
        statement="The test treaty was short-lived.",
    )


@pytest.fixture
def deck(student, facts):
    return make_facts_deck(student, list(facts.values()))


@pytest.fixture
def profile(student):
    from ajquiz.study.queue import profile_for

    return profile_for(student)
