from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse, set_script_prefix

pytestmark = pytest.mark.django_db


def test_the_layout_has_a_skip_link_main_landmark_and_a_polite_message_region(client):
    html = client.get(reverse("home")).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert 'role="status" aria-live="polite"' in html
    assert "htmx-2.0.11.min.js" in html


def test_navigation_depends_on_the_role(client, student, admin_user):
    client.force_login(student)
    assert "Admin</a>" not in client.get(reverse("home")).content.decode()
    client.force_login(admin_user)
    assert "Admin</a>" in client.get(reverse("home")).content.decode()


def test_layout_links_follow_the_script_prefix(client, student):
    # The links are worked out once and kept: a site served under /ajquiz/ must not be
    # given the links found for another prefix, nor the other way round. (The WSGI handler
    # sets the prefix from SCRIPT_NAME; the test client does not, so it is set here.)
    client.force_login(student)
    for prefix in ("", "/ajquiz", ""):
        set_script_prefix(f"{prefix}/")
        try:
            html = client.get(reverse("home")).content.decode()
        finally:
            set_script_prefix("/")
        assert f'<a href="{prefix}/study/">Study</a>' in html


def test_messages_appear_in_the_live_region_with_their_kind_in_words(client):
    from tests.factories import PASSWORD

    response = client.post(
        reverse("accounts:signup"),
        {"username": "newbie", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    html = response.content.decode()
    region = html[html.index('id="messages"') : html.index("</div>", html.index('id="messages"'))]
    assert "Success:" in region
    assert "Welcome, newbie" in region


@override_settings(DEBUG=False)
def test_an_unknown_page_gets_the_404_page_in_the_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert '<main id="main"' in html


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-check",
        "ALLOWED_HOSTS": "example.org",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_missing_secret_key():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "", "ALLOWED_HOSTS": "example.org"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_a_field_error_is_announced_through_aria_describedby(client, db):
    response = client.post(reverse("accounts:signup"), {"username": "", "password1": "x"})
    html = response.content.decode()
    field = re.search(r'<input[^>]*name="username"[^>]*>', html).group()
    assert re.search(r'aria-describedby="[^"]*\bid_username_error\b', field)
    assert 'aria-invalid="true"' in field
    assert '<ul class="errorlist" id="id_username_error">' in html
