"""A teacher reads the progress dashboards of their own students, and nobody else's."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def url(user):
    return reverse("progress:student", args=[user.username])


def test_a_teacher_reads_the_dashboard_of_a_student_in_their_class(
    client, teacher, student, enrolled
):
    client.force_login(teacher)
    response = client.get(url(student))
    assert response.status_code == 200
    assert f"Progress of {student.username}" in response.content.decode()
    assert response.context["learner"] == student


def test_another_teacher_gets_404(client, other_teacher, student, enrolled):
    client.force_login(other_teacher)
    assert client.get(url(student)).status_code == 404


def test_a_student_gets_404_for_a_classmate_and_sees_their_own(
    client, student, other_student, enrolled
):
    client.force_login(other_student)
    assert client.get(url(student)).status_code == 404
    client.force_login(student)
    assert client.get(url(student)).status_code == 200


def test_an_admin_reads_any_dashboard(client, admin_user, student):
    client.force_login(admin_user)
    assert client.get(url(student)).status_code == 200


def test_the_gradebook_links_each_student_to_their_dashboard(
    client, teacher, student, enrolled, classroom, assignment
):
    client.force_login(teacher)
    response = client.get(reverse("classes:gradebook", args=[classroom.uid]))
    assert url(student) in response.content.decode()
