"""Fuzzing the parsers: any text gives questions or line-numbered errors, never an exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ajquiz.interop.aiken import parse_aiken
from ajquiz.interop.checks import problems_of
from ajquiz.interop.csv_io import parse_questions_csv
from ajquiz.interop.gift import FORMAT, parse_gift
from ajquiz.interop.gift_export import gift_question
from ajquiz.interop.moodle_xml import parse_moodle_xml
from ajquiz.interop.scopes import ExportItem
from ajquiz.questions.models import Question

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Mostly GIFT's own syntax, so the parser is pushed down its branches, with any text mixed in.
GIFT_PIECES = st.sampled_from(
    ["{", "}", "=", "~", "#", "####", "::", ":", "\\", "%", "%50%", "%-100%", "->", "..",
     "\n", "\n\n", " ", "T", "FALSE", "1902", "-3.5", "1e9", "[html]", "<b>", "</p>",
     "$CATEGORY: x\n", "// c\n", "\r\n", "_____", "a", "Who?"]
)  # fmt: skip
GIFTISH = st.lists(st.one_of(GIFT_PIECES, st.text(max_size=5)), max_size=40).map("".join)
AIKEN_PIECES = st.sampled_from(
    ["Q?\n", "A. x\n", "B) y\n", "C. z\n", "ANSWER: A\n", "ANSWER: D\n", "answer:b\n", "\n",
     "A. \n", "stray\n", "A.x\n", "\r\n"]
)  # fmt: skip
AIKENISH = st.lists(st.one_of(AIKEN_PIECES, st.text(max_size=6)), max_size=30).map("".join)


def assert_well_formed(result, text):
    """Questions pass the payload checks and serialise as JSON; errors name a real line."""
    last_line = max(text.count("\n") + text.count("\r") + 1, 1)
    for problem in [*result.errors, *result.warnings]:
        assert 1 <= problem.line <= last_line, problem
        assert problem.reason
    for question in result.questions:
        assert problems_of(question) == []
        json.dumps(question.payload, allow_nan=False)
    assert result.ok == (result.errors == [])


@FUZZ
@given(GIFTISH)
@example("{#1e999}")
@example("Q {#1..}")
@example("Q {=a -> }")
@example("::\\")
def test_gift_parser_never_raises(text):
    assert_well_formed(parse_gift(text), text)


@FUZZ
@given(st.text())
def test_gift_parser_never_raises_on_arbitrary_text(text):
    assert_well_formed(parse_gift(text), text)


@FUZZ
@given(AIKENISH)
def test_aiken_parser_never_raises(text):
    assert_well_formed(parse_aiken(text), text)


@FUZZ
@given(st.text())
def test_aiken_parser_never_raises_on_arbitrary_text(text):
    assert_well_formed(parse_aiken(text), text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<quiz>", "</quiz>", '<question type="multichoice">', "</question>",
                         "<answer fraction='100'>", "</answer>", "<text>", "</text>", "x",
                         '<question type="multianswer">', "{1:SA:=a}", "<!DOCTYPE x>", "&amp;",
                         '<question type="numerical">', "<tolerance>", "</tolerance>", "\n"]),
        max_size=30,
    ).map("".join)
)  # fmt: skip
def test_moodle_xml_parser_never_raises(text):
    assert_well_formed(parse_moodle_xml(text), text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_csv_parser_never_raises(text):
    result = parse_questions_csv("kind,stem,options,answer,accepted,tolerance,feedback\n" + text)
    for question in result.questions:
        assert problems_of(question) == []


TEXT = (
    st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), min_size=1, max_size=30)
    .map(lambda text: " ".join(text.split()))
    .filter(lambda text: text and "->" not in text and "_____" not in text)
)
# Known limits of GIFT itself: a stem cannot start like a comment, a category, a format
# marker, or a byte order mark (which marks the start of a file).
STEM = TEXT.filter(
    lambda text: not text.startswith(("//", "$CATEGORY:", "\ufeff")) and not FORMAT.match(text)
)


@settings(max_examples=300, deadline=None)
@given(STEM, st.lists(TEXT, min_size=2, max_size=6, unique=True), st.data())
def test_any_multiple_choice_question_survives_a_gift_round_trip(stem, texts, data):
    right = data.draw(st.integers(0, len(texts) - 1))
    options = [
        {"id": chr(97 + i), "text": t, "correct": i == right, "feedback": ""}
        for i, t in enumerate(texts)
    ]
    question = Question(kind="mc", stem=stem, payload={"options": options, "shuffle": True})
    [back] = parse_gift(gift_question(ExportItem(question=question))).questions
    assert (back.stem, back.payload) == (stem, question.payload)


@settings(max_examples=300, deadline=None)
@given(STEM, st.lists(TEXT, min_size=1, max_size=4))
def test_any_short_answer_question_survives_a_gift_round_trip(stem, texts):
    payload = {"answer": texts[0], "accepted": texts[1:]}
    question = Question(kind="sa", stem=stem, payload=payload)
    [back] = parse_gift(gift_question(ExportItem(question=question))).questions
    assert (back.stem, back.payload) == (stem, payload)
