"""A teacher imports a GIFT file through the browser: upload, dry-run preview, confirm."""

from __future__ import annotations

import pytest

from ajquiz.questions.models import Question
from tests.interop.samples import GIFT

pytestmark = pytest.mark.django_db(transaction=True)


def upload(page, live_server, tmp_path, text, format_label="GIFT"):
    path = tmp_path / "bank.gift"
    path.write_text(text, encoding="utf-8")
    page.goto(f"{live_server.url}/interop/")
    page.get_by_label(format_label, exact=True).check()
    page.get_by_label("File", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_url("**/interop/imports/*/")


def test_a_teacher_uploads_previews_and_confirms_a_gift_file(
    page, live_server, log_in, teacher, content, tmp_path, axe_violations
):
    log_in(teacher)
    page.goto(f"{live_server.url}/interop/")
    assert axe_violations() == []
    page.screenshot(path="/tmp/interop-index.png", full_page=True)
    upload(page, live_server, tmp_path, GIFT)
    assert "Checked: 12 ready to import, 0 errors, 0 warnings." in page.inner_text("main")
    assert Question.objects.filter(author=teacher).count() == 0
    assert axe_violations() == []
    page.screenshot(path="/tmp/interop-preview.png", full_page=True)
    page.get_by_role("button", name="Import 12 questions").click()
    status = page.get_by_text("Imported 12 questions from bank.gift.")
    status.wait_for()
    page.wait_for_function("() => document.activeElement.textContent.startsWith('✓ Imported 12')")
    assert Question.objects.filter(author=teacher).count() == 12
    assert axe_violations() == []


def test_a_file_with_errors_lists_them_and_cannot_be_imported(
    page, live_server, log_in, teacher, tmp_path, axe_violations
):
    log_in(teacher)
    upload(page, live_server, tmp_path, "Fine {T}\n\nBroken {=a ~b\n\n::Essay:: Discuss. {}\n")
    main = page.inner_text("main")
    assert "line 3: the answer block { is never closed with }" in main
    assert "line 5: essay questions (an empty answer block {}) are not supported" in main
    assert page.get_by_role("button", name="Import 1 question").count() == 0
    assert axe_violations() == []
    page.screenshot(path="/tmp/interop-errors.png", full_page=True)


def test_an_upload_without_a_file_explains_itself_in_place(
    page, live_server, log_in, teacher, axe_violations
):
    log_in(teacher)
    page.goto(f"{live_server.url}/interop/")
    page.get_by_label("Aiken").check()
    page.locator("#id_file").evaluate("input => input.removeAttribute('required')")
    page.get_by_role("button", name="Upload and preview").click()
    alert = page.get_by_text("The file was not uploaded: see the errors below.")
    alert.wait_for()
    page.wait_for_function("() => document.activeElement.getAttribute('role') === 'alert'")
    assert page.url == f"{live_server.url}/interop/"
    assert axe_violations() == []
