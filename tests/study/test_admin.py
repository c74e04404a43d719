"""Study in Django admin: every model is listed and shown; cards and logs are read-only."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ajquiz.study.reviews import rate
from tests.study.conftest import NOW

MODELS = ["deck", "studyprofile", "studylistentry", "card", "reviewlog", "learnitem", "matchgame"]


@pytest.fixture
def studied(student, deck, profile, facts):
    return rate(user=student, fact=facts["place"], rating=3, now=NOW, profile=profile)


@pytest.mark.parametrize("model", MODELS)
def test_an_admin_sees_every_study_model(client, admin_user, studied, model):
    client.force_login(admin_user)
    assert client.get(reverse(f"admin:study_{model}_changelist")).status_code == 200


def test_an_admin_reads_a_card_with_its_logs_but_cannot_change_it(client, admin_user, studied):
    client.force_login(admin_user)
    html = client.get(reverse("admin:study_card_change", args=[studied.card_id])).content.decode()
    cells = re.sub(r"\s+", "", html)
    assert '<tdclass="field-rating"><p>Good</p></td>' in cells
    response = client.post(reverse("admin:study_card_change", args=[studied.card_id]), {})
    assert response.status_code == 403
    assert client.get(reverse("admin:study_card_add")).status_code == 403


def test_a_student_cannot_open_study_admin(client, student):
    client.force_login(student)
    response = client.get(reverse("admin:study_card_changelist"))
    assert response.status_code == 302
