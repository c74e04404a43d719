"""Grading rules, each with worked numbers."""

from __future__ import annotations

import functools

import pytest

from ajquiz.questions.grading import grade, longest_increasing_run, normalise
from tests.factories import SAMPLE_QUESTIONS

approx = functools.partial(pytest.approx, abs=1e-6)  # fractions are stored to six places


class Q:
    """A question as grade() sees it: a kind and a payload."""

    def __init__(self, kind, payload=None):
        self.kind = kind
        self.payload = payload or SAMPLE_QUESTIONS[kind][0]


def test_single_choice_is_all_or_nothing():
    assert grade(Q("mc"), "b").fraction == 1.0
    assert grade(Q("mc"), "a").fraction == 0.0
    assert grade(Q("mc"), None).fraction == 0.0


def test_several_keys_earn_a_third_each_and_a_wrong_pick_costs_a_half():
    # Keys a, b, c (k = 3); wrong options d, e (n - k = 2).
    question = Q("mr")
    assert grade(question, ["a", "b", "c"]).fraction == 1.0
    assert grade(question, ["a"]).fraction == approx(1 / 3)
    assert grade(question, ["a", "b"]).fraction == approx(2 / 3)
    assert grade(question, ["a", "b", "d"]).fraction == approx(2 / 3 - 1 / 2)
    assert grade(question, ["a", "d", "e"]).fraction == 0.0  # 1/3 - 1 is floored at zero
    assert grade(question, ["a", "b", "c", "d", "e"]).fraction == 0.0


def test_true_false():
    assert grade(Q("tf"), "true").fraction == 1.0
    assert grade(Q("tf"), "false").fraction == 0.0


@pytest.mark.parametrize(
    "typed",
    [
        "Hayashi Tadasu",
        "hayashi tadasu",
        "  HAYASHI   Tadasu ",
        "Hayashi",
        "Tadasu Hayashi.",
        "Hayashí",
    ],
)
def test_short_answer_ignores_case_spacing_punctuation_and_diacritics(typed):
    assert grade(Q("sa"), typed).fraction == 1.0


@pytest.mark.parametrize("typed", ["Hayash", "Lansdowne", "Tadasu"])
def test_short_answer_refuses_other_names(typed):
    assert grade(Q("sa"), typed).fraction == 0.0


@pytest.mark.parametrize(
    ("key", "typed", "right"),
    [
        ("antagonizing", "antagonising", True),
        ("defence", "defense", True),
        ("an acknowledgment", "acknowledgement", True),
        ("organisations", "organizations", True),
        ("colour", "color", True),
        ("four", "for", False),
        ("his", "hiz", False),
        ("fence", "fense", False),
    ],
)
def test_a_typed_answer_may_spell_the_british_or_the_american_way(key, typed, right):
    """ "antagonizing" was right and "antagonising" wrong."""
    question = Q("cloze", {"before": "x ", "answer": key, "after": " y", "accepted": []})
    assert grade(question, typed).is_correct is right


def test_normalise_drops_a_leading_article_and_curly_apostrophes():
    assert normalise("The  Treaty of Shimonoseki!") == "treaty of shimonoseki"
    assert normalise("Britain’s") == normalise("Britain's") == "britains"


def test_numeric_tolerance_counts_years_either_side():
    question = Q("num", {"answer": 1902, "tolerance": 2, "unit": "year"})
    assert grade(question, "1900").fraction == 1.0
    assert grade(question, "1904").fraction == 1.0
    assert grade(question, "1905").fraction == 0.0
    assert grade(question, "nineteen-oh-two").fraction == 0.0
    exact = Q("num")
    assert grade(exact, "1911").fraction == 1.0
    assert grade(exact, "1910").fraction == 0.0


def test_matching_earns_a_share_per_right_pair():
    question = Q("match")
    assert grade(question, {"l1": "r1", "l2": "r2", "l3": "r3"}).fraction == 1.0
    assert grade(question, {"l1": "r1", "l2": "r3", "l3": "r2"}).fraction == approx(1 / 3)
    assert grade(question, {"l1": "r2"}).fraction == 0.0


def test_ordering_scores_the_longest_run_in_the_right_relative_order():
    # Key: i4 < i2 < i1 < i3 (n = 4).
    question = Q("order")
    assert grade(question, ["i4", "i2", "i1", "i3"]).fraction == 1.0
    assert grade(question, ["i3", "i1", "i2", "i4"]).fraction == 0.0  # reversed: L = 1
    # i2, i1, i3 keep their order (L = 3): (3 - 1) / (4 - 1)
    assert grade(question, ["i2", "i1", "i3", "i4"]).fraction == approx(2 / 3)
    # two items swapped at the start (L = 3)
    assert grade(question, ["i2", "i4", "i1", "i3"]).fraction == approx(2 / 3)
    assert grade(question, ["i2", "i1"]).fraction == 0.0  # not a full ordering


def test_longest_increasing_run():
    assert longest_increasing_run([3, 1, 2, 0, 4]) == 3
    assert longest_increasing_run([]) == 0


def test_a_wrong_option_brings_its_misconception_feedback():
    payload = {
        "options": [
            {"id": "a", "text": "1902", "correct": True, "feedback": ""},
            {
                "id": "b",
                "text": "1905",
                "correct": False,
                "feedback": "That is the renewal.",
                "fact": "aja1-revision-1905-signed-on",
            },
        ]
    }
    result = grade(Q("mc", payload), "b")
    assert result.fraction == 0.0
    assert [(note.text, note.feedback, note.fact) for note in result.feedback] == [
        ("1905", "That is the renewal.", "aja1-revision-1905-signed-on")
    ]
    assert result.verdict == "Incorrect"


def test_imported_fractions_replace_the_even_split():
    # GIFT: {~%50%Grey ~%50%Ito ~%-100%Komura ~%-100%Kato}
    payload = {
        "options": [
            {"id": "a", "text": "Grey", "correct": True, "fraction": 0.5},
            {"id": "b", "text": "Ito", "correct": True, "fraction": 0.5},
            {"id": "c", "text": "Komura", "correct": False, "fraction": -1.0},
            {"id": "d", "text": "Kato", "correct": False, "fraction": -1.0},
        ]
    }
    assert grade(Q("mr", payload), ["a"]).fraction == 0.5
    assert grade(Q("mr", payload), ["a", "b"]).fraction == 1.0
    assert grade(Q("mr", payload), ["a", "c"]).fraction == 0.0  # 0.5 - 1 is floored at zero
