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


def test_a_teacher_sees_the_students_own_days(client, teacher, student, enrolled):
    """A rating just before the later of Tokyo's and UTC's midnights is today for one and
    yesterday for the other: the teacher (UTC) sees the streak of the student (Tokyo)."""
    import zoneinfo
    from datetime import UTC, timedelta

    from django.utils import timezone

    from tests.factories import make_card, make_log, make_study_facts

    now = timezone.now()
    tokyo_midnight = timezone.localtime(now, zoneinfo.ZoneInfo("Asia/Tokyo")).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    utc_midnight = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    rated_at = max(tokyo_midnight, utc_midnight) - timedelta(minutes=1)
    student.time_zone = "Asia/Tokyo"
    student.save()
    fact = next(iter(make_study_facts().values()))
    make_log(make_card(student, fact, now=rated_at), at=rated_at)
    client.force_login(teacher)
    seen = client.get(url(student)).context["board"].streak.studied_today
    assert seen is (rated_at >= tokyo_midnight)
    assert seen is not (rated_at >= utc_midnight)
