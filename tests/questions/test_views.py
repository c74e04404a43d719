from __future__ import annotations

import pytest
from django.urls import reverse

from ajquiz.questions.models import Question

pytestmark = pytest.mark.django_db


def test_a_teacher_previews_ten_questions_of_a_template_with_keys_and_quotes(
    client, teacher, content
):
    client.force_login(teacher)
    response = client.get(reverse("questions:template_preview", args=["mc-signed-by"]))
    assert response.status_code == 200
    drafts = response.context["drafts"]
    assert 1 <= len(drafts) <= 10
    html = response.content.decode()
    assert "Key:" in html
    assert drafts[0].facts[0].quote in html


def test_students_may_not_preview_templates(client, student, content):
    client.force_login(student)
    response = client.get(reverse("questions:template_preview", args=["mc-signed-by"]))
    assert response.status_code == 403


def test_the_admin_action_opens_the_preview(client, admin_user, content):
    from ajquiz.content.models import QuestionTemplate

    client.force_login(admin_user)
    template = QuestionTemplate.objects.get(slug="tf-statement")
    response = client.post(
        reverse("admin:content_questiontemplate_changelist"),
        {"action": "preview_questions", "_selected_action": [template.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("questions:template_preview", args=["tf-statement"])


def test_the_question_admin_lists_generated_questions(client, admin_user, bank):
    client.force_login(admin_user)
    response = client.get(reverse("admin:questions_question_changelist") + "?kind=mc")
    assert response.status_code == 200
    question = Question.objects.current().filter(kind="mc").first()
    detail = client.get(reverse("admin:questions_question_change", args=[question.pk]))
    assert detail.status_code == 200


def test_a_teacher_sees_a_question_with_its_key(client, teacher, bank):
    client.force_login(teacher)
    question = Question.objects.current().filter(kind="sa").first()
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert question.payload["answer"] in response.content.decode()


def test_a_teacher_cannot_open_another_teachers_hand_written_question(
    client, teacher, other_teacher, db
):
    from tests.factories import make_question

    question = make_question("sa", author=other_teacher)
    client.force_login(teacher)
    assert client.get(question.get_absolute_url()).status_code == 404
    client.force_login(other_teacher)
    assert client.get(question.get_absolute_url()).status_code == 200
