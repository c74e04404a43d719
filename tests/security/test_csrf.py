"""CSRF is enforced on every POST: each URL pattern, posted to without a token by the role
that may use it, is refused by the CSRF check before the view runs."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.test_access_matrix import EXPECTED, LOGIN
from tests.security.world import ROLES, build_world

pytestmark = pytest.mark.django_db

# Who posts: the first of these whom the table lets in (anonymous for log-in, sign-up, reset).
POSTERS = ("teacher", "student_a", "admin", "student_b", "anonymous")


def poster(name: str) -> str:
    _, expected = EXPECTED[name]
    allowed = dict(zip(ROLES, expected, strict=True))
    # Where nobody gets past the view (a POST naming no object), the teacher posts.
    return next((role for role in POSTERS if allowed[role] not in (LOGIN, 403, 404)), "teacher")


def test_a_post_without_a_token_is_refused_on_every_url_pattern(bank):
    world = build_world()
    refused = {}
    for name in sorted(EXPECTED):
        role = poster(name)
        client = Client(enforce_csrf_checks=True)
        if role != "anonymous":
            client.force_login(world.users[role])
        response = client.post(reverse(name, kwargs=world.kwargs.get(name)), {"x": "1"})
        refused[name] = (response.status_code, b"CSRF verification failed" in response.content)
    assert {name: got for name, got in refused.items() if got != (403, True)} == {}
    assert len(refused) == len(EXPECTED)


def test_an_htmx_post_with_the_token_from_the_page_header_gets_through(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    page = client.get(reverse("study:index")).content.decode()
    token = page.split('hx-headers=\'{"X-CSRFToken": "', 1)[1].split('"', 1)[0]
    response = client.post(
        reverse("study:settings"), {}, HTTP_X_CSRFTOKEN=token, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200


def test_the_same_post_without_the_header_is_refused(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    client.get(reverse("study:index"))
    assert client.post(reverse("study:settings"), {}).status_code == 403
