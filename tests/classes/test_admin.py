"""The classes models in Django admin: lists, search and change pages with their inlines."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["classroom", "assignment"])
def test_the_admin_lists_searches_and_opens_each_model(
    client, admin_user, assignment, enrolled, model
):
    client.force_login(admin_user)
    listing = client.get(reverse(f"admin:classes_{model}_changelist"), {"q": "History"})
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 1
    row = listing.context["cl"].result_list[0]
    change = client.get(reverse(f"admin:classes_{model}_change", args=[row.pk]))
    assert change.status_code == 200


def test_the_class_list_shows_the_join_code_and_student_count(client, admin_user, enrolled):
    client.force_login(admin_user)
    page = client.get(reverse("admin:classes_classroom_changelist")).content.decode()
    assert "ABCD-2345" in page
    assert '<td class="field-student_count">1</td>' in page
