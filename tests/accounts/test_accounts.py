from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from ajquiz.accounts.models import User
from ajquiz.accounts.roles import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_sign_up_creates_a_logged_in_student(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "newbie", "email": "", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(username="newbie")
    assert user.role == Role.STUDENT
    assert user.groups.filter(name=Role.STUDENT).exists()
    assert client.get(reverse("home")).context["user"] == user


def test_sign_up_explains_mismatched_passwords_and_creates_nothing(client):
    response = client.post(
        reverse("accounts:signup"),
        {"username": "newbie", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert response.status_code == 200
    assert "didn’t match" in response.content.decode()
    assert not User.objects.filter(username="newbie").exists()


def test_log_in_and_log_out(client):
    make_user("sam")
    response = client.post(reverse("accounts:login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].is_authenticated
    client.post(reverse("accounts:logout"))
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_five_failed_log_ins_lock_the_account_with_a_clear_message(client):
    make_user("sam")
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "sam", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 429
    assert "locked for 15 minutes" in response.content.decode()
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_four_failed_log_ins_still_allow_the_right_password(client):
    make_user("sam")
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": "sam", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302


def test_password_change_requires_the_old_password(client, student):
    client.force_login(student)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "nope",
            "new_password1": "a new long phrase 42",
            "new_password2": "a new long phrase 42",
        },
    )
    assert response.status_code == 200
    student.refresh_from_db()
    assert student.check_password(PASSWORD)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a new long phrase 42",
            "new_password2": "a new long phrase 42",
        },
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("a new long phrase 42")


def test_password_reset_sends_a_link(client):
    make_user("sam", email="sam@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "sam@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_make_teacher_gives_the_teacher_role():
    user = make_user("tara")
    call_command("make_teacher", "tara")
    user = User.objects.get(pk=user.pk)
    assert user.role == Role.TEACHER
    assert user.is_teacher
    assert user.has_perm("content.view_fact")
    assert not user.is_staff


def test_make_teacher_rejects_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("make_teacher", "ghost")


def test_demo_users_have_their_roles_and_the_command_is_idempotent():
    call_command("create_demo_users")
    call_command("create_demo_users")
    roles = {user.username: user.role for user in User.objects.all()}
    assert roles == {"student": Role.STUDENT, "teacher": Role.TEACHER, "admin": Role.ADMIN}
    assert User.objects.get(username="admin").is_superuser


def test_teacher_group_may_view_content_but_students_may_not(teacher, student):
    assert teacher.has_perm("content.view_fact")
    assert not student.has_perm("content.view_fact")


def settings_form(email: str, password: str = "", time_zone: str = "") -> dict:
    return {"email": email, "current_password": password, "time_zone": time_zone}


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("", "Enter your current password to change your e-mail address."),
        ("not the password", "That is not your current password. Try again."),
    ],
)
def test_a_new_email_address_needs_the_current_password(client, password, error):
    """Else whoever holds a signed-in browser could send password resets to themselves."""
    user = make_user("hana", email="hana@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"), settings_form("thief@example.org", password, "Asia/Tokyo")
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    user.refresh_from_db()
    assert (user.email, user.time_zone) == ("hana@example.org", "")
    assert mail.outbox == []


def test_the_time_zone_alone_changes_without_the_password(client):
    user = make_user("hana", email="hana@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"), settings_form("hana@example.org", "", "Asia/Tokyo")
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.time_zone) == ("hana@example.org", "Asia/Tokyo")
    assert mail.outbox == []


def test_a_changed_email_address_is_reported_to_the_old_one(client):
    user = make_user("hana", email="hana@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:settings"), settings_form("hana@new.example", PASSWORD)
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "hana@new.example"
    [notice] = mail.outbox
    assert notice.to == ["hana@example.org"]
    assert notice.subject == "Your ajquiz e-mail address was changed"
    assert "Old address: hana@example.org" in notice.body
    assert "New address: hana@new.example" in notice.body
    assert "http://testserver/accounts/login/" in notice.body


def test_a_first_email_address_needs_the_password_and_notifies_nobody(client):
    user = make_user("hana")
    client.force_login(user)
    refused = client.post(reverse("accounts:settings"), settings_form("hana@example.org"))
    assert "Enter your current password" in refused.content.decode()
    client.post(reverse("accounts:settings"), settings_form("hana@example.org", PASSWORD))
    user.refresh_from_db()
    assert user.email == "hana@example.org"
    assert mail.outbox == []


def test_wrong_current_passwords_on_the_settings_page_lock_the_account(client):
    """A borrowed signed-in browser may not guess the password there without limit."""
    user = make_user("hana", email="hana@example.org")
    client.force_login(user)
    for _ in range(4):
        response = client.post(
            reverse("accounts:settings"), settings_form("thief@example.org", "guess")
        )
        assert response.status_code == 200
    fifth = client.post(reverse("accounts:settings"), settings_form("thief@example.org", "guess"))
    assert fifth.status_code == 429
    refused = client.post(
        reverse("accounts:settings"), settings_form("thief@example.org", PASSWORD)
    )
    assert "this account is locked for 15 minutes" in refused.content.decode()
    user.refresh_from_db()
    assert user.email == "hana@example.org"
    client.logout()
    login = client.post(reverse("accounts:login"), {"username": "hana", "password": PASSWORD})
    assert login.status_code == 429


def test_wrong_old_passwords_on_password_change_lock_the_account(client, student):
    client.force_login(student)
    change = {"new_password1": "a new long phrase 42", "new_password2": "a new long phrase 42"}
    for _ in range(5):
        client.post(reverse("accounts:password_change"), {"old_password": "guess", **change})
    response = client.post(
        reverse("accounts:password_change"), {"old_password": PASSWORD, **change}
    )
    assert response.status_code == 200
    assert "this account is locked for 15 minutes" in response.content.decode()
    student.refresh_from_db()
    assert student.check_password(PASSWORD)
