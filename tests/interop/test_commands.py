from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command

from ajquiz.interop.models import ImportBatch
from ajquiz.questions.models import Question
from tests.factories import make_question
from tests.interop.samples import GIFT, MOODLE_XML


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_gift_saves_every_question_for_the_author(teacher, tmp_path):
    path = tmp_path / "bank.gift"
    path.write_text(GIFT, encoding="utf-8")
    out, _ = run("import_gift", str(path), "--author", teacher.username)
    assert out == "Imported 12 questions from bank.gift.\n"
    assert Question.objects.filter(author=teacher).count() == 12
    assert ImportBatch.objects.get(owner=teacher).state == ImportBatch.State.IMPORTED


@pytest.mark.django_db
def test_import_gift_with_an_error_names_the_line_and_saves_nothing(teacher, tmp_path):
    path = tmp_path / "bad.gift"
    path.write_text("Fine {T}\n\nBad {=a ~b\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match=re.escape("1 errors: nothing was imported.")):
        call_command("import_gift", str(path), "--author", teacher.username, stderr=err)
    assert err.getvalue() == f"{path}: line 3: the answer block {{ is never closed with }}\n"
    assert Question.objects.filter(author=teacher).count() == 0


@pytest.mark.django_db
def test_a_dry_run_saves_nothing(teacher, tmp_path):
    path = tmp_path / "q.xml"
    path.write_text(MOODLE_XML, encoding="utf-8")
    out, _ = run("import_moodle_xml", str(path), "--author", teacher.username, "--dry-run")
    assert out == "8 questions would be imported (dry run).\n"
    assert Question.objects.filter(author=teacher).count() == 0


@pytest.mark.django_db
def test_import_aiken(teacher, tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Q?\nA. x\nB. y\nANSWER: B\n", encoding="utf-8")
    out, _ = run("import_aiken", str(path), "--author", teacher.username)
    assert out == "Imported 1 questions from q.txt.\n"


@pytest.mark.django_db
def test_an_unknown_author_is_an_error(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("Q {T}", encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape("No user is called “nobody”.")):
        call_command("import_gift", str(path), "--author", "nobody")


@pytest.mark.django_db
def test_export_gift_and_moodle_xml_write_files(teacher, tmp_path):
    make_question("tf", author=teacher)
    make_question("order", author=teacher)
    gift = tmp_path / "out.gift"
    _, err = run(
        "export_gift", "--scope", "mine", "--author", teacher.username, "--output", str(gift)
    )
    assert err == f"Wrote 1 to {gift}. 1 ordering questions left out.\n"
    assert gift.read_text().endswith("{TRUE}\n")
    xml = tmp_path / "out.xml"
    run("export_moodle_xml", "--scope", "mine", "--author", teacher.username, "--output", str(xml))
    assert xml.read_text().count("<question type=") == 2


@pytest.mark.django_db
def test_export_needs_a_known_scope_and_an_author_for_mine(teacher):
    with pytest.raises(CommandError, match=re.escape("“topic:nowhere” is not a topic")):
        call_command("export_gift", "--scope", "topic:nowhere")
    with pytest.raises(CommandError, match=re.escape("--scope mine needs --author.")):
        call_command("export_gift", "--scope", "mine")


@pytest.mark.django_db
def test_export_anki_writes_a_package(content, tmp_path):
    from ajquiz.content.models import Source

    source = Source.objects.order_by("pk").first()
    path = tmp_path / "deck.apkg"
    _, err = run("export_anki", "--scope", f"source:{source.slug}", "--output", str(path))
    assert err.startswith("Wrote ") and err.endswith(f" to {path}.\n")
    assert path.read_bytes()[:2] == b"PK"
