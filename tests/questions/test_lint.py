from __future__ import annotations

import pytest
from django.core.management import call_command

from ajquiz.questions.lint import lint
from ajquiz.questions.models import Question
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def reasons(questions):
    return [finding.reason for finding in lint(questions)]


def options(*texts, key=0):
    return {
        "options": [
            {"id": chr(97 + i), "text": text, "correct": i == key, "feedback": ""}
            for i, text in enumerate(texts)
        ],
        "shuffle": True,
    }


def test_the_generated_bank_is_clean(bank, capsys):
    call_command("lint_questions")
    assert "no findings" in capsys.readouterr().out


def test_a_stem_containing_its_key_is_reported():
    question = make_question(
        "mc", stem="When was the 1902 treaty signed?", payload=options("1902", "1903", "1904")
    )
    assert reasons([question]) == ["the stem contains its key"]


def test_a_name_in_the_stem_that_points_to_the_key_alone_is_reported():
    stem = "Who founded the Russian bank in China?"
    cue = make_question("mc", stem=stem, payload=options("Russia", "Vietnam", "Canada"))
    shared = make_question("mc", stem=stem, payload=options("Russia", "Russo-Japanese War"))
    assert reasons([cue]) == ["a name in the stem points to the key and to no distractor"]
    # "Russo-" echoes the stem's "Russian" as "Russia" does: neither stands out.
    assert reasons([shared]) == []
    typed = make_question(
        "sa",
        stem="Where is the South Manchurian Railway located?",
        payload={"answer": "Manchuria", "accepted": ["Manchuria"], "display": "Manchuria"},
    )
    assert reasons([typed]) == ["a name in the stem points to the answer"]


def test_a_matching_item_that_names_its_partner_is_reported():
    payload = {
        "lefts": [
            {"id": "l1", "text": "Treaty of Peking (1860)"},
            {"id": "l2", "text": "Triple Intervention"},
            {"id": "l3", "text": "Coronation of King Edward VII"},
        ],
        "rights": [
            {"id": "r1", "text": "1860"},
            {"id": "r2", "text": "1895"},
            {"id": "r3", "text": "1902"},
        ],
        "key": {"l1": "r1", "l2": "r2", "l3": "r3"},
    }
    question = make_question("match", stem="Match each event to its year.", payload=payload)
    assert reasons([question]) == ["the item 'Treaty of Peking (1860)' contains its match"]


def test_negative_stems_and_article_cues_are_reported():
    negative = make_question(
        "mc",
        stem="Which of these did not sign the treaty?",
        payload=options("Grey", "Ito", "Komura"),
    )
    cue = make_question(
        "mc", stem="The treaty was signed by an", payload=options("Ito", "Komura", "Grey")
    )
    assert set(reasons([negative, cue])) == {
        "negative stem",
        'stem ends with "a"/"an", a grammatical cue',
    }


def test_all_of_the_above_is_reported():
    question = make_question(
        "mc", stem="Who signed?", payload=options("Grey", "Ito", "All of the above")
    )
    assert reasons([question]) == ['an "all/none of the above" option']


def test_one_stem_with_two_different_typed_answers_is_ambiguous():
    first = make_question(
        "num",
        stem="In which year did the alliance end?",
        payload={"answer": 1921, "tolerance": 0, "unit": "year"},
    )
    second = make_question(
        "num",
        stem="In which year did the alliance end?",
        payload={"answer": 1923, "tolerance": 0, "unit": "year"},
    )
    assert reasons([first, second]) == [
        "ambiguous: 2 questions share this stem with different answers"
    ]


def test_a_distractor_that_keys_the_same_stem_elsewhere_is_ambiguous():
    first = make_question(
        "mc", stem="Who signed the treaty?", payload=options("Grey", "Ito", "Hayashi")
    )
    second = make_question(
        "mc", stem="Who signed the treaty?", payload=options("Ito", "Grey", "Kato")
    )
    assert (
        reasons([first, second]).count(
            "ambiguous: a distractor is the key of the same stem in another question"
        )
        == 2
    )


def test_duplicates_are_reported():
    first = make_question("tf", stem="True or false: the sky is blue.")
    second = make_question("tf", stem="True or false: the sky is blue.")
    assert reasons([first, second]) == ["duplicates another question"]


def test_a_bank_where_the_key_is_usually_the_longest_option_is_reported():
    questions = [
        make_question(
            "mc", stem=f"Question {n}?", payload=options("a much longer key", "b", "c", "d")
        )
        for n in range(10)
    ]
    found = reasons(questions)
    assert "the key is the longest option in 100% of multiple-choice questions (limit 35%)" in found


def test_lint_questions_exits_non_zero_on_a_finding():
    from django.core.management.base import CommandError

    Question.objects.all().delete()
    make_question("mc", stem="Which did not happen?", payload=options("x", "y", "z"))
    with pytest.raises(CommandError, match="1 finding"):
        call_command("lint_questions")
