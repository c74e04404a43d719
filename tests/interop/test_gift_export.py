from __future__ import annotations

import pytest

from ajquiz.content.models import Fact
from ajquiz.interop.gift import parse_gift
from ajquiz.interop.gift_export import export_gift, gift_question, percent
from ajquiz.interop.saving import save_questions
from ajquiz.interop.scopes import ExportItem, export_items
from ajquiz.questions.models import Question
from tests.factories import SAMPLE_QUESTIONS, make_question
from tests.interop.samples import GIFT


def exported(question, **item):
    return gift_question(ExportItem(question=question, **item))


@pytest.mark.django_db
def test_gift_to_ajquiz_to_gift_keeps_every_question(teacher):
    first = parse_gift(GIFT)
    assert first.errors == []
    assert len(first.questions) == 12
    save_questions(first.questions, author=teacher, batch=_batch(teacher))
    text = export_gift(export_items(Question.objects.filter(author=teacher).order_by("pk"))).text
    second = parse_gift(text)
    assert second.errors == []
    assert len(second.questions) == 12
    for before, after in zip(first.questions, second.questions, strict=True):
        assert before.same_content(after), (before, after)


@pytest.mark.django_db
def test_a_second_export_of_the_reimported_questions_is_identical(teacher):
    batch = _batch(teacher)
    save_questions(parse_gift(GIFT).questions, author=teacher, batch=batch)
    once = export_gift(export_items(Question.objects.filter(author=teacher).order_by("pk"))).text
    Question.objects.all().delete()
    save_questions(parse_gift(once).questions, author=teacher, batch=_batch(teacher))
    twice = export_gift(export_items(Question.objects.filter(author=teacher).order_by("pk"))).text
    assert twice == once


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(set(SAMPLE_QUESTIONS) - {"order"}))
def test_every_kind_but_ordering_survives_export_and_import(kind):
    question = make_question(kind)
    parsed = parse_gift(exported(question))
    assert parsed.errors == []
    [back] = parsed.questions
    assert back.kind == kind
    if kind == "mr":
        # ajquiz's own 1/k rule is written out as explicit Moodle fractions.
        assert [o["fraction"] for o in back.payload["options"]] == [
            0.3333333,
            0.3333333,
            0.3333333,
            -0.5,
            -0.5,
        ]
        assert [o["correct"] for o in back.payload["options"]] == [
            o["correct"] for o in question.payload["options"]
        ]
    else:
        # GIFT has no "don't shuffle" and no units.
        changes = {"mc": {"shuffle": True}, "num": {"unit": ""}}.get(kind, {})
        assert back.payload == {**question.payload, **changes}
    if kind != "cloze":
        assert back.stem == question.stem


@pytest.mark.django_db
def test_each_kind_is_written_in_its_gift_form():
    assert exported(make_question("tf")) == (
        r"True or false\: the 1902 treaty was signed at Lansdowne House. {TRUE}"
    )
    assert exported(make_question("num")) == (
        "In which year was the alliance revised for the second time? {#1911}"
    )
    assert exported(make_question("sa")) == (
        "Which Japanese diplomat signed the 1902 treaty? {=Hayashi Tadasu =Hayashi =Tadasu Hayashi}"
    )
    assert exported(make_question("cloze")) == (
        "signed at Lansdowne House in {=London} on 30 January 1902"
    )
    assert exported(make_question("mc"), title="Year", category="x") == (
        "::Year::In which year was the first Anglo-Japanese alliance treaty signed? {\n"
        "\t~1900\n\t=1902\n\t~1905\n\t~1911\n}"
    )


@pytest.mark.django_db
def test_special_characters_are_escaped():
    question = make_question(
        "sa", stem="What is {x} = y: ~z #1?", payload={"answer": "a=b", "accepted": []}
    )
    assert exported(question) == r"What is \{x\} \= y\: \~z \#1? {=a\=b}"


@pytest.mark.django_db
def test_the_general_feedback_cites_the_source_passage_of_each_fact(content):
    fact = Fact.objects.select_related("source", "passage").filter(passage__isnull=False).first()
    question = make_question("tf", facts=[fact], feedback="See the treaty.")
    [item] = export_items(Question.objects.filter(pk=question.pk))
    text = gift_question(item)
    citation = (
        f"Source: {fact.source.title}"
        + (f" ({fact.source.author})" if fact.source.author else "")
        + f", paragraph {fact.passage.index + 1}: “{fact.quote}”"
    )
    assert item.citations == [citation]
    [back] = parse_gift(text).questions
    assert back.feedback == f"See the treaty.\n{citation}"


@pytest.mark.django_db
def test_ordering_questions_are_left_out_and_named_in_a_comment():
    made = [make_question("order").pk, make_question("tf").pk]
    result = export_gift(export_items(Question.objects.filter(pk__in=made).order_by("pk")))
    assert result.written == 1
    assert result.skipped == ["Put these events in chronological order."]
    assert result.text.startswith(
        "// 1 questions exported from ajquiz\n"
        "// left out (GIFT has no ordering questions): Put these events in chronological order.\n"
    )


def test_fractions_are_written_with_moodles_precision():
    assert [percent(value) for value in (1, 0.5, 1 / 3, -1, -0.25, 0)] == [
        "100",
        "50",
        "33.33333",
        "-100",
        "-25",
        "0",
    ]


def _batch(owner):
    from django.utils import timezone

    from ajquiz.interop.saving import record_upload

    return record_upload(
        owner=owner, file_format="gift", file_name="t.gift", text="x", now=timezone.now()
    )


@pytest.mark.django_db
def test_every_generated_question_in_the_bank_exports_to_gift_that_imports_cleanly(bank):
    questions = Question.objects.generated().current().exclude(kind="order").order_by("pk")
    result = export_gift(export_items(questions))
    parsed = parse_gift(result.text)
    assert parsed.errors == []
    assert result.written == questions.count() > 100
    assert [q.kind for q in parsed.questions] == [
        "sa" if q.kind == "cloze" and not q.payload["after"].strip() else q.kind for q in questions
    ]
