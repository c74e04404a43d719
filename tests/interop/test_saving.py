from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ajquiz.interop.gift import parse_gift
from ajquiz.interop.models import ImportBatch, ImportedQuestion
from ajquiz.interop.parsed import ParsedQuestion
from ajquiz.interop.saving import ImportRefused, confirm_import, record_upload, save_questions
from ajquiz.questions.models import Question
from tests.interop.samples import GIFT

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def upload(owner, text=GIFT, file_format="gift"):
    return record_upload(
        owner=owner, file_format=file_format, file_name="bank.gift", text=text, now=NOW
    )


@pytest.mark.django_db
def test_saved_questions_are_hand_written_by_the_importing_teacher(teacher):
    questions = save_questions(parse_gift(GIFT).questions, author=teacher)
    saved = Question.objects.filter(pk__in=[q.pk for q in questions])
    assert saved.count() == 12
    assert set(saved.values_list("author", "template")) == {(teacher.pk, None)}
    rich = saved.get(stem="Who negotiated the renewal?")
    assert rich.stem_html == "Who <strong>negotiated</strong> the renewal?"
    assert rich.content_hash == rich.compute_content_hash()


@pytest.mark.django_db
def test_one_bad_question_saves_nothing(teacher):
    good = ParsedQuestion(kind="tf", stem="Q", payload={"answer": True, "correction": ""}, line=1)
    bad = ParsedQuestion(kind="sa", stem="Q", payload={"answer": "", "accepted": []}, line=4)
    before = Question.objects.count()
    with pytest.raises(ImportRefused) as refused:
        save_questions([good, bad], author=teacher)
    assert [str(p) for p in refused.value.problems] == ["line 4: an empty answer"]
    assert Question.objects.count() == before


@pytest.mark.django_db
def test_confirming_imports_every_question_with_its_origin(teacher):
    batch = upload(teacher)
    confirmed = confirm_import(batch.uid, owner=teacher, now=NOW)
    batch.refresh_from_db()
    assert (batch.state, batch.question_count, batch.imported_at) == ("imported", 12, NOW)
    assert confirmed.question_count == 12
    origins = ImportedQuestion.objects.filter(batch=batch).order_by("line")
    assert [(o.line, o.title) for o in origins][:2] == [(4, "Signatory"), (11, "Parties")]
    assert origins[0].category == "$course$/top/alliance"


@pytest.mark.django_db
def test_confirming_twice_imports_once(teacher):
    batch = upload(teacher)
    confirm_import(batch.uid, owner=teacher, now=NOW)
    again = confirm_import(batch.uid, owner=teacher, now=NOW)
    assert again.question_count == 12
    assert Question.objects.filter(author=teacher).count() == 12


@pytest.mark.django_db
def test_a_file_with_an_error_is_refused_whole(teacher):
    batch = upload(teacher, text=GIFT + "\n\nBroken {=a ~b\n")
    with pytest.raises(ImportRefused) as refused:
        confirm_import(batch.uid, owner=teacher, now=NOW)
    assert [str(p) for p in refused.value.problems] == [
        "line 45: the answer block { is never closed with }"
    ]
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.PREVIEWED
    assert Question.objects.filter(author=teacher).count() == 0


@pytest.mark.django_db
def test_another_teacher_cannot_confirm_the_batch(teacher, other_teacher):
    batch = upload(teacher)
    with pytest.raises(ImportBatch.DoesNotExist):
        confirm_import(batch.uid, owner=other_teacher, now=NOW)


@pytest.mark.django_db
def test_saving_300_questions_takes_a_handful_of_queries_not_one_per_question(
    teacher, django_assert_max_num_queries
):
    many = parse_gift("\n\n".join(f"Question {n}? {{=a{n} =b}}" for n in range(300))).questions
    batch = upload(teacher)
    # Bulk inserts: one per table on PostgreSQL; SQLite splits them at its variable limit
    # (five question inserts and two origin inserts here), plus the savepoint and release.
    with django_assert_max_num_queries(9):
        save_questions(many, author=teacher, batch=batch)
    assert ImportedQuestion.objects.filter(batch=batch).count() == 300


def test_a_file_of_another_format_says_which_it_looks_like():
    from ajquiz.interop.formats import parse_file
    from tests.interop.samples import MOODLE_XML

    assert str(parse_file("gift", MOODLE_XML).errors[0]) == (
        "line 1: this file looks like Moodle XML, not GIFT: upload it again choosing Moodle XML"
    )
    assert str(parse_file("aiken", GIFT).errors[0]).startswith("line 1: this file looks like GIFT")
    assert str(parse_file("gift", "Q?\nA. a\nB. b\nANSWER: A\n").errors[0]).startswith(
        "line 1: this file looks like Aiken"
    )
    assert parse_file("gift", GIFT).errors == []
