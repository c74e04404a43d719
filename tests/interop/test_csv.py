from __future__ import annotations

import csv
import io

import pytest

from ajquiz.content.models import Fact
from ajquiz.interop.csv_export import export_facts_csv, export_questions_csv, safe_cell
from ajquiz.interop.csv_io import parse_questions_csv
from ajquiz.interop.parsed import CLOZE_STEM
from ajquiz.interop.scopes import ExportItem, Scope, facts_in
from tests.factories import SAMPLE_QUESTIONS, make_question

HEADER = "kind,stem,options,answer,accepted,tolerance,feedback\n"


def only(row: str):
    result = parse_questions_csv(HEADER + row)
    assert result.errors == []
    [question] = result.questions
    return question


def errors(text):
    return [str(problem) for problem in parse_questions_csv(text).errors]


def test_it_reads_a_multiple_choice_row():
    question = only("mc,Who signed for Japan?,Hayashi|Lansdowne|Ito,Hayashi,,,Signed in London.\n")
    assert question.line == 2
    assert question.feedback == "Signed in London."
    assert [(o["text"], o["correct"]) for o in question.payload["options"]] == [
        ("Hayashi", True),
        ("Lansdowne", False),
        ("Ito", False),
    ]


def test_it_reads_every_other_kind():
    assert only("mr,Which?,a|b|c,a|c,,,\n").kind == "mr"
    assert only("tf,Signed in 1902?,,true,,,\n").payload == {"answer": True, "correction": ""}
    assert only("sa,Who?,,Lansdowne,Lord Lansdowne,,\n").payload == {
        "answer": "Lansdowne",
        "accepted": ["Lord Lansdowne"],
    }
    assert only("num,Year?,,1902,,1,\n").payload == {"answer": 1902, "tolerance": 1, "unit": ""}
    cloze = only("cloze,Signed in ___ in 1902.,,London,,,\n")
    assert (cloze.stem, cloze.payload["before"], cloze.payload["after"]) == (
        CLOZE_STEM,
        "Signed in ",
        " in 1902.",
    )
    match = only("match,Match.,First -> 1902|Second -> 1905,,,,\n")
    assert match.payload["key"] == {"l1": "r1", "l2": "r2"}
    order = only("order,Order.,a|b|c,,,,\n")
    assert order.payload["key"] == ["i1", "i2", "i3"]


def test_quoted_cells_may_hold_commas_and_line_breaks_and_lines_stay_right():
    text = HEADER + 'sa,"Who, in 1902,\nsigned?",,Hayashi,,,\nmc,Q?,a|b,z,,,\n'
    result = parse_questions_csv(text)
    assert result.questions[0].stem == "Who, in 1902,\nsigned?"
    assert [str(p) for p in result.errors] == ["line 4: the answer “z” is not one of the options"]


def test_a_header_with_unknown_or_missing_columns_is_refused():
    assert errors("kind,question\n") == [
        "line 1: unknown column “question”; missing column “stem” "
        "(columns: kind, stem, options, answer, accepted, tolerance, feedback)"
    ]


def test_bad_rows_are_each_reported_with_their_line():
    text = HEADER + "essay,Discuss.,,,,,\ntf,Q?,,maybe,,,\nnum,Q?,,soon,,,\nmc,Q?,a|b,a|b,,,\n"
    assert errors(text) == [
        "line 2: unknown kind “essay” (kinds: mc, mr, tf, sa, num, cloze, match, order)",
        "line 3: a true/false answer is “true” or “false”",
        "line 4: “soon” is not a number",
        "line 5: a multiple-choice question has one answer (use mr for several)",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(SAMPLE_QUESTIONS))
def test_exported_questions_import_back_as_the_same_questions(kind):
    question = make_question(kind, feedback="=SUM(A1)")
    text = export_questions_csv([ExportItem(question=question)])
    [back] = parse_questions_csv(text).questions
    assert back.kind == kind
    assert back.feedback == "=SUM(A1)"
    if kind in ("mc", "mr"):
        assert [(o["text"], o["correct"]) for o in back.payload["options"]] == [
            (o["text"], o["correct"]) for o in question.payload["options"]
        ]
    elif kind in ("tf", "sa", "cloze", "match"):
        assert back.payload == question.payload
    elif kind == "num":
        assert back.payload == {**question.payload, "unit": ""}


def test_cells_a_spreadsheet_would_run_get_an_apostrophe():
    assert [safe_cell(v) for v in ["=1+1", "+x", "-x", "@x", "plain", -5, None]] == [
        "'=1+1",
        "'+x",
        "'-x",
        "'@x",
        "plain",
        "-5",
        "",
    ]


@pytest.mark.django_db
def test_facts_export_with_their_anchor_and_topics(content):
    facts = list(facts_in(Scope("all")).prefetch_related("topics"))
    rows = list(csv.DictReader(io.StringIO(export_facts_csv(facts))))
    assert len(rows) == Fact.objects.count()
    fact = facts[0]
    assert rows[0]["slug"] == fact.slug
    assert rows[0]["quote"] == safe_cell(fact.quote)
    assert rows[0]["topics"] == "|".join(topic.slug for topic in fact.topics.all())
    assert rows[0]["source"] == fact.source.slug
    assert int(rows[0]["start"]) == fact.start
