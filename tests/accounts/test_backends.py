from __future__ import annotations

import pytest
from django.urls import reverse

from ajquiz.accounts.backends import RoleAwareBackend
from ajquiz.accounts.roles import make_teacher

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "is_teacher"), [("student", False), ("teacher", True)])
def test_the_signed_in_user_knows_their_role_without_another_query(
    request, django_assert_num_queries, who, is_teacher
):
    user = request.getfixturevalue(who)
    role = user.role
    with django_assert_num_queries(1):
        loaded = RoleAwareBackend().get_user(user.pk)
        assert loaded.is_teacher is is_teacher
        assert loaded.role == role


def test_an_unknown_or_inactive_user_is_nobody(student):
    assert RoleAwareBackend().get_user(student.pk + 1000) is None
    student.is_active = False
    student.save()
    assert RoleAwareBackend().get_user(student.pk) is None


def test_a_student_made_teacher_is_a_teacher_at_once(student):
    loaded = RoleAwareBackend().get_user(student.pk)
    assert not loaded.is_teacher
    make_teacher(loaded)
    assert loaded.is_teacher


def test_pages_show_a_teacher_the_teachers_navigation(client, teacher, student):
    client.force_login(teacher)
    assert client.get(reverse("home")).context["is_teacher"] is True
    client.force_login(student)
    assert client.get(reverse("home")).context["is_teacher"] is False
