from __future__ import annotations

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ajquiz.interop.models import ImportBatch
from ajquiz.interop.saving import record_upload
from ajquiz.questions.models import Question
from tests.factories import make_question
from tests.interop.samples import GIFT

PAGES = [
    ("get", "interop:index", False),
    ("post", "interop:upload", False),
    ("get", "interop:preview", True),
    ("post", "interop:confirm", True),
    ("get", "interop:export_questions", False),
    ("get", "interop:export_anki", False),
    ("get", "interop:export_facts", False),
]


def upload_of(owner, text=GIFT, file_format="gift"):
    return record_upload(
        owner=owner, file_format=file_format, file_name="bank.gift", text=text, now=timezone.now()
    )


def gift_file(text=GIFT, name="bank.gift"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "name", "needs_batch"), PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, teacher, method, name, needs_batch):
    args = [upload_of(teacher).uid] if needs_batch else []
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "name", "needs_batch"), PAGES)
def test_students_are_refused(client, student, teacher, method, name, needs_batch):
    args = [upload_of(teacher).uid] if needs_batch else []
    client.force_login(student)
    assert getattr(client, method)(reverse(name, args=args)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["interop:preview", "interop:confirm"])
def test_another_teachers_import_does_not_exist_for_you(client, teacher, other_teacher, name):
    batch = upload_of(teacher)
    client.force_login(other_teacher)
    method = client.get if name == "interop:preview" else client.post
    assert method(reverse(name, args=[batch.uid])).status_code == 404
    assert method(reverse(name, args=[uuid.uuid4()])).status_code == 404
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.PREVIEWED


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method"), [("interop:upload", "get"), ("interop:index", "post")])
def test_the_wrong_method_is_refused(client, teacher, name, method):
    client.force_login(teacher)
    assert getattr(client, method)(reverse(name)).status_code == 405


@pytest.mark.django_db
def test_teachers_see_the_nav_link_and_students_do_not(client, teacher, student):
    link = f'href="{reverse("interop:index")}"'
    client.force_login(teacher)
    assert link in client.get(reverse("home")).content.decode()
    client.force_login(student)
    assert link not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_uploading_keeps_the_file_and_shows_a_dry_run(client, teacher):
    client.force_login(teacher)
    response = client.post(reverse("interop:upload"), {"format": "gift", "file": gift_file()})
    batch = ImportBatch.objects.get(owner=teacher)
    assert response.status_code == 302
    assert response.url == reverse("interop:preview", args=[batch.uid])
    assert (batch.file_name, batch.format, batch.text) == ("bank.gift", "gift", GIFT)
    assert Question.objects.filter(author=teacher).count() == 0
    page = client.get(response.url).content.decode()
    assert "<strong>Split:</strong> 12 questions found." in page
    assert "<strong>Checked:</strong> 12 ready to import, 0 errors, 0 warnings." in page
    assert "<strong>Saved:</strong> nothing yet: this is a dry run." in page
    assert "Import 12 questions" in page
    assert "Who signed the 1902 treaty for Japan?" in page


@pytest.mark.django_db
def test_an_upload_by_htmx_is_sent_on_to_its_preview(client, teacher, htmx):
    client.force_login(teacher)
    response = client.post(
        reverse("interop:upload"),
        {"format": "aiken", "file": gift_file("Q?\nA. x\nB. y\nANSWER: A\n")},
        **htmx,
    )
    batch = ImportBatch.objects.get(owner=teacher)
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("interop:preview", args=[batch.uid])


@pytest.mark.django_db
def test_an_invalid_upload_explains_itself(client, teacher):
    client.force_login(teacher)
    latin = SimpleUploadedFile("q.txt", "Qu’est-ce? {T}".encode("cp1252"))
    response = client.post(reverse("interop:upload"), {"format": "gift", "file": latin})
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file is not UTF-8 text (byte 3 cannot be read)." in page
    assert ImportBatch.objects.count() == 0
    response = client.post(reverse("interop:upload"), {"file": gift_file("")})
    page = response.content.decode()
    assert "This field is required." in page
    assert "The submitted file is empty." in page
    response = client.post(reverse("interop:upload"), {"format": "csv", "file": gift_file(" \n")})
    assert "The file is empty." in response.content.decode()


@pytest.mark.django_db
def test_an_invalid_htmx_upload_returns_the_form_with_its_errors(client, teacher, htmx):
    client.force_login(teacher)
    response = client.post(reverse("interop:upload"), {"format": "gift"}, **htmx)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'id="upload-form"' in page
    assert "The file was not uploaded: see the errors below." in page
    assert "HX-Request" in response["Vary"]


@pytest.mark.django_db
def test_the_preview_lists_every_error_with_its_line_and_offers_no_import(client, teacher):
    batch = upload_of(teacher, text="Fine {T}\n\nBroken {=a ~b\n\n::E:: Discuss. {}\n")
    client.force_login(teacher)
    page = client.get(reverse("interop:preview", args=[batch.uid])).content.decode()
    assert "line 3: the answer block { is never closed with }" in page
    assert "line 5: essay questions (an empty answer block {}) are not supported" in page
    assert "Nothing will be imported: fix the 2 errors listed below" in page
    assert reverse("interop:confirm", args=[batch.uid]) not in page


@pytest.mark.django_db
def test_confirming_imports_the_questions_and_shows_them(client, teacher):
    batch = upload_of(teacher)
    client.force_login(teacher)
    response = client.post(reverse("interop:confirm", args=[batch.uid]))
    assert response.status_code == 302
    assert Question.objects.filter(author=teacher).count() == 12
    page = client.get(response.url).content.decode()
    assert "Imported 12 questions from bank.gift." in page
    question = Question.objects.filter(author=teacher).order_by("pk").first()
    assert question.get_absolute_url() in page


@pytest.mark.django_db
def test_confirming_by_htmx_returns_the_result_and_a_second_confirm_changes_nothing(
    client, teacher, htmx
):
    batch = upload_of(teacher)
    client.force_login(teacher)
    url = reverse("interop:confirm", args=[batch.uid])
    response = client.post(url, **htmx)
    page = response.content.decode()
    assert "<html" not in page
    assert "Imported 12 questions from bank.gift." in page
    assert "data-focus-after-swap" in page
    client.post(url, **htmx)
    assert Question.objects.filter(author=teacher).count() == 12


@pytest.mark.django_db
def test_confirming_a_file_with_errors_imports_nothing(client, teacher):
    batch = upload_of(teacher, text="Broken {=a ~b")
    client.force_login(teacher)
    page = client.post(reverse("interop:confirm", args=[batch.uid])).content.decode()
    assert "line 1: the answer block { is never closed with }" in page
    assert Question.objects.filter(author=teacher).count() == 0


@pytest.mark.django_db
def test_the_preview_of_a_long_file_takes_a_fixed_number_of_queries(
    client, teacher, django_assert_max_num_queries
):
    text = "\n\n".join(f"Question {n}? {{=a ~b ~c}}" for n in range(500))
    batch = upload_of(teacher, text=text)
    client.force_login(teacher)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("interop:preview", args=[batch.uid])).content.decode()
    assert "… and 300 more questions not listed here." in page
    client.post(reverse("interop:confirm", args=[batch.uid]))
    with django_assert_max_num_queries(7):
        page = client.get(reverse("interop:preview", args=[batch.uid])).content.decode()
    assert "<strong>Saved:</strong> 500 questions" in page


@pytest.mark.django_db
def test_exporting_my_questions_as_gift_downloads_a_file(client, teacher, other_teacher):
    make_question("tf", author=teacher)
    make_question("sa", author=other_teacher)
    client.force_login(teacher)
    response = client.get(reverse("interop:export_questions"), {"scope": "mine", "format": "gift"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ajquiz-mine.gift.txt"'
    body = response.content.decode()
    assert "{TRUE}" in body
    assert "Hayashi" not in body


@pytest.mark.django_db
def test_exporting_as_moodle_xml_and_csv(client, teacher):
    make_question("order", author=teacher)
    client.force_login(teacher)
    xml = client.get(reverse("interop:export_questions"), {"scope": "mine", "format": "moodle_xml"})
    assert xml["Content-Type"] == "application/xml; charset=utf-8"
    assert '<question type="ordering">' in xml.content.decode()
    csv = client.get(reverse("interop:export_questions"), {"scope": "mine", "format": "csv"})
    assert csv.content.decode("utf-8-sig").startswith("kind,stem,options,answer")


@pytest.mark.django_db
def test_an_empty_or_unknown_export_explains_itself(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("interop:export_questions"), {"scope": "mine", "format": "gift"})
    assert response.status_code == 400
    assert "There are no questions in “My hand-written questions” yet." in response.content.decode()
    response = client.get(reverse("interop:export_anki"), {"scope": "topic:nowhere"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.django_db
def test_a_gift_export_of_only_ordering_questions_suggests_moodle_xml(client, teacher):
    make_question("order", author=teacher)
    client.force_login(teacher)
    response = client.get(reverse("interop:export_questions"), {"scope": "mine", "format": "gift"})
    assert response.status_code == 400
    assert "export it as Moodle XML instead" in response.content.decode()


@pytest.mark.django_db
def test_exporting_a_topics_questions_facts_and_deck(client, teacher, bank):
    from ajquiz.content.models import Topic

    topic = Topic.objects.filter(parent__isnull=True).order_by("pk").first()
    client.force_login(teacher)
    scope = {"scope": f"topic:{topic.slug}"}
    gift = client.get(reverse("interop:export_questions"), {**scope, "format": "gift"})
    assert gift.status_code == 200
    assert "####" in gift.content.decode() and "Source\\: " in gift.content.decode()
    facts = client.get(reverse("interop:export_facts"), scope)
    assert (
        facts["Content-Disposition"]
        == f'attachment; filename="ajquiz-topic-{topic.slug}-facts.csv"'
    )
    deck = client.get(reverse("interop:export_anki"), scope)
    assert deck["Content-Disposition"] == f'attachment; filename="ajquiz-topic-{topic.slug}.apkg"'
    assert deck.content[:2] == b"PK"


@pytest.mark.django_db
def test_an_export_takes_a_fixed_number_of_queries(
    client, teacher, bank, django_assert_max_num_queries
):
    from ajquiz.content.models import Source

    client.force_login(teacher)
    source = Source.objects.order_by("pk").first()
    # session, user, groups; the form's sets, topics and sources; the source; the questions
    # with their origins; their facts with sources and passages. None grows with the bank.
    with django_assert_max_num_queries(9):
        response = client.get(
            reverse("interop:export_questions"),
            {"scope": f"source:{source.slug}", "format": "moodle_xml"},
        )
    assert response.status_code == 200
    assert response.content.decode().count("<question type=") > 50


@pytest.mark.django_db
def test_a_link_with_a_scope_preselects_it_in_the_export_forms(client, teacher):
    from tests.factories import make_quiz

    quiz = make_quiz([make_question("tf")], owner=teacher, title="My set")
    client.force_login(teacher)
    value = f"set:{quiz.question_set.uid}"
    page = client.get(reverse("interop:index"), {"scope": value}).content.decode()
    # questions, Anki deck and facts
    assert page.count(f'<option value="{value}" selected>Set: My set</option>') == 3


@pytest.mark.django_db
def test_the_admin_lists_imports_read_only(client, admin_user, teacher):
    batch = upload_of(teacher)
    client.force_login(admin_user)
    assert (
        "bank.gift" in client.get(reverse("admin:interop_importbatch_changelist")).content.decode()
    )
    page = client.get(reverse("admin:interop_importbatch_change", args=[batch.pk]))
    assert page.status_code == 200
    assert client.get(reverse("admin:interop_importbatch_add")).status_code == 403
