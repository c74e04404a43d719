from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from ajquiz.interop.moodle_xml import parse_moodle_xml
from ajquiz.interop.moodle_xml_export import export_moodle_xml, title_for
from ajquiz.interop.saving import record_upload, save_questions
from ajquiz.interop.scopes import ExportItem, export_items
from ajquiz.questions.models import Question
from tests.factories import SAMPLE_QUESTIONS, make_question
from tests.interop.samples import MOODLE_XML


def _import(text, owner):
    result = parse_moodle_xml(text)
    assert result.errors == []
    batch = record_upload(
        owner=owner, file_format="moodle_xml", file_name="q.xml", text=text, now=timezone.now()
    )
    save_questions(result.questions, author=owner, batch=batch)
    return result.questions


def _export(owner):
    return export_moodle_xml(export_items(Question.objects.filter(author=owner).order_by("pk")))


@pytest.mark.django_db
def test_moodle_xml_to_ajquiz_to_moodle_xml_keeps_every_question(teacher):
    first = _import(MOODLE_XML, teacher)
    assert len(first) == 8
    second = parse_moodle_xml(_export(teacher))
    assert second.errors == []
    for before, after in zip(first, second.questions, strict=True):
        assert before.same_content(after), (before, after)


@pytest.mark.django_db
def test_exporting_the_reimported_questions_gives_the_same_file(teacher, other_teacher):
    _import(MOODLE_XML, teacher)
    once = _export(teacher)
    _import(once, other_teacher)
    assert _export(other_teacher) == once


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(SAMPLE_QUESTIONS))
def test_every_ajquiz_kind_exports_and_imports_back(kind):
    question = make_question(kind)
    text = export_moodle_xml([ExportItem(question=question)])
    result = parse_moodle_xml(text)
    assert result.errors == []
    [back] = result.questions
    assert back.kind == kind
    if kind == "mr":
        assert [o["fraction"] for o in back.payload["options"]] == [
            0.3333333,
            0.3333333,
            0.3333333,
            -0.5,
            -0.5,
        ]
    elif kind == "order":
        texts = {item["id"]: item["text"] for item in back.payload["items"]}
        original = {item["id"]: item["text"] for item in question.payload["items"]}
        assert [texts[i] for i in back.payload["key"]] == [
            original[i] for i in question.payload["key"]
        ]
    else:
        assert back.payload == question.payload
    if kind != "cloze":
        assert back.stem == question.stem


@pytest.mark.django_db
def test_a_cloze_becomes_a_multianswer_with_escaped_answers():
    question = make_question(
        "cloze",
        payload={"before": "a <b> ", "after": " c", "answer": "x}y~z#", "accepted": ["w"]},
    )
    text = export_moodle_xml([ExportItem(question=question)])
    assert '<question type="multianswer">' in text
    assert "a &amp;lt;b&amp;gt; {1:SHORTANSWER:=x\\}y\\~z\\#~=w} c" in text
    [back] = parse_moodle_xml(text).questions
    assert back.payload == question.payload


@pytest.mark.django_db
def test_ordering_is_written_for_qtype_ordering_in_the_right_order():
    text = export_moodle_xml([ExportItem(question=make_question("order"))])
    assert '<question type="ordering">' in text
    assert "<gradingtype>LONGEST_ORDERED_SUBSET</gradingtype>" in text
    answers = ET.fromstring(text).find("question").findall("answer")
    assert [(a.get("fraction"), a.findtext("text")) for a in answers] == [
        ("1", "The Triple Intervention"),
        ("2", "The first alliance treaty"),
        ("3", "The Entente Cordiale"),
        ("4", "The Four-Power Treaty"),
    ]


@pytest.mark.django_db
def test_untitled_questions_are_named_from_their_first_words():
    question = make_question("mc", stem="word " * 30)
    assert title_for(ExportItem(question=question)) == " ".join(["word"] * 12) + "…"


@pytest.mark.django_db
def test_every_generated_question_in_the_bank_exports_to_xml_that_imports_cleanly(bank):
    questions = Question.objects.generated().current().order_by("pk")
    parsed = parse_moodle_xml(export_moodle_xml(export_items(questions)))
    assert parsed.errors == []
    assert [q.kind for q in parsed.questions] == [q.kind for q in questions]
    changed = [
        question.pk
        for question, back in zip(questions, parsed.questions, strict=True)
        if meaning(question.kind, back.payload) != meaning(question.kind, question.payload)
    ]
    assert changed == []


def meaning(kind, payload):
    """What a payload asks and accepts, without ids, order of display or generator extras."""
    if kind in ("mc", "mr"):
        return [(o["text"], o["correct"], o.get("feedback", "")) for o in payload["options"]]
    if kind == "match":
        rights = {right["id"]: right["text"] for right in payload["rights"]}
        pairs = {left["text"]: rights[payload["key"][left["id"]]] for left in payload["lefts"]}
        return pairs, sorted(rights.values())
    if kind == "order":
        texts = {item["id"]: item["text"] for item in payload["items"]}
        return [texts[item_id] for item_id in payload["key"]]
    if kind == "cloze":
        # Runs of white space show as one space in a page, and are kept as one.
        edges = [" ".join(payload["before"].split()), " ".join(payload["after"].split())]
        return [*edges, payload["answer"], payload["accepted"]]
    keys = {
        "tf": ("answer", "correction"),
        "sa": ("answer", "accepted"),
        "num": ("answer", "tolerance", "unit"),
    }[kind]
    return [payload.get(key) for key in keys]
