"""Every URL pattern x every role: the status each role gets, written out here on purpose.

A pattern added to the project without a row here fails
test_every_url_pattern_has_an_expectation, so nobody ships a page whose access nobody decided.
Codes: an int is the exact status; LOGIN is a redirect to the log-in page; SEE_OTHER is any
other redirect (the action ran, or a page sends the user on).
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.urls_walk import named_patterns
from tests.security.world import ROLES, build_world

pytestmark = pytest.mark.django_db

LOGIN = "login"
SEE_OTHER = "redirect"

# Roles, in this order: anonymous, student A, student B, A's teacher, another teacher, admin.
EVERYONE = (200, 200, 200, 200, 200, 200)
SIGNED_IN = (LOGIN, 200, 200, 200, 200, 200)
SIGNED_IN_ACTS = (LOGIN, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER)
TEACHERS = (LOGIN, 403, 403, 200, 200, 200)
# A teacher's own class, set, quiz or import: other teachers and admins get 404 (admins use
# Django admin), students 403 (teacher pages are not for them).
OWN_TEACHER_PAGE = (LOGIN, 403, 403, 200, 404, 404)
OWN_TEACHER_ACTS = (LOGIN, 403, 403, SEE_OTHER, 404, 404)
# Student A's own attempt, game or membership: nobody else may change it.
A_ONLY_PAGE = (LOGIN, 200, 404, 404, 404, 404)
A_ONLY_ACTS = (LOGIN, SEE_OTHER, 404, 404, 404, 404)

GET, POST = "get", "post"
EXPECTED: dict[str, tuple[str, tuple]] = {
    "home": (GET, EVERYONE),
    # accounts
    "accounts:login": (GET, EVERYONE),
    "accounts:logout": (POST, (SEE_OTHER,) * 6),
    "accounts:signup": (GET, (200, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER)),
    "accounts:settings": (GET, SIGNED_IN),
    "accounts:password_change": (GET, SIGNED_IN),
    "accounts:password_change_done": (GET, SIGNED_IN),
    "accounts:password_reset": (GET, EVERYONE),
    "accounts:password_reset_done": (GET, EVERYONE),
    "accounts:password_reset_confirm": (GET, EVERYONE),
    "accounts:password_reset_complete": (GET, EVERYONE),
    # content: public reading
    "content:source_list": (GET, EVERYONE),
    "content:source_detail": (GET, EVERYONE),
    "content:topic_list": (GET, EVERYONE),
    "content:topic_detail": (GET, EVERYONE),
    "content:fact_detail": (GET, EVERYONE),
    # questions: keys are for teachers; a hand-written question is its author's (and staff's)
    "questions:detail": (GET, (LOGIN, 403, 403, 200, 404, 200)),
    "questions:template_preview": (GET, TEACHERS),
    # quizzes
    "quizzes:practice": (GET, SIGNED_IN),
    "quizzes:practice_topic": (POST, SIGNED_IN_ACTS),
    "quizzes:practice_source": (POST, SIGNED_IN_ACTS),
    # The quiz is assigned to A's class: A, its owner and admins may take it.
    "quizzes:quiz": (GET, (LOGIN, 200, 404, 200, 404, 200)),
    "quizzes:start": (POST, (LOGIN, SEE_OTHER, 404, SEE_OTHER, 404, SEE_OTHER)),
    "quizzes:attempt": (GET, A_ONLY_PAGE),
    "quizzes:save": (POST, A_ONLY_ACTS),
    "quizzes:answer": (POST, A_ONLY_ACTS),
    "quizzes:timer": (GET, A_ONLY_ACTS),  # an untimed attempt: back to the attempt page
    "quizzes:finish": (GET, A_ONLY_PAGE),
    "quizzes:abandon": (POST, A_ONLY_ACTS),
    # A finished attempt is read by A, A's teacher (the quiz is assigned to A's class), admins.
    "quizzes:review": (GET, (LOGIN, 200, 404, 200, 404, 200)),
    # study: everyone studies their own list
    "study:index": (GET, SIGNED_IN),
    "study:settings": (POST, SIGNED_IN),  # an empty form comes back with its errors
    "study:add_deck": (POST, SIGNED_IN_ACTS),
    "study:remove_deck": (POST, SIGNED_IN_ACTS),
    "study:review": (GET, SIGNED_IN),
    "study:rate": (POST, SIGNED_IN_ACTS),
    "study:undo": (POST, SIGNED_IN_ACTS),
    "study:learn": (GET, SIGNED_IN),
    "study:learn_answer": (POST, (LOGIN, 404, 404, 404, 404, 404)),  # no item named
    "study:match": (GET, SIGNED_IN),
    "study:match_start": (POST, SIGNED_IN_ACTS),
    "study:match_game": (GET, A_ONLY_PAGE),
    "progress:dashboard": (GET, SIGNED_IN),
    # A's progress as others see it: A (their own), A's teacher and admins; nobody else.
    "progress:student": (GET, (LOGIN, 200, 404, 200, 404, 200)),
    # classes: students
    "classes:mine": (GET, SIGNED_IN),
    "classes:join": (GET, SIGNED_IN),
    "classes:leave": (POST, A_ONLY_ACTS),
    # classes: teachers
    "classes:classrooms": (GET, TEACHERS),
    "classes:classroom": (GET, OWN_TEACHER_PAGE),
    "classes:classroom_edit": (POST, OWN_TEACHER_ACTS),
    "classes:new_code": (POST, OWN_TEACHER_ACTS),
    "classes:add_student": (POST, (LOGIN, 403, 403, 200, 404, 404)),  # errors shown
    "classes:remove_student": (POST, OWN_TEACHER_ACTS),
    "classes:assign": (POST, (LOGIN, 403, 403, 200, 404, 404)),  # errors shown
    "classes:gradebook": (GET, OWN_TEACHER_PAGE),
    "classes:gradebook_csv": (GET, OWN_TEACHER_PAGE),
    "classes:assignment": (GET, OWN_TEACHER_PAGE),
    "classes:unassign": (POST, OWN_TEACHER_ACTS),
    "classes:make_deck": (POST, OWN_TEACHER_ACTS),
    "classes:student_work": (GET, OWN_TEACHER_PAGE),
    "classes:remove_extension": (POST, OWN_TEACHER_ACTS),
    "classes:sets": (GET, TEACHERS),
    "classes:set": (GET, OWN_TEACHER_PAGE),
    "classes:set_edit": (POST, (LOGIN, 403, 403, 200, 404, 404)),  # errors shown
    "classes:move_entry": (POST, OWN_TEACHER_ACTS),
    "classes:remove_entry": (POST, OWN_TEACHER_ACTS),
    "classes:add_draw": (GET, OWN_TEACHER_PAGE),
    "classes:draw_count": (GET, OWN_TEACHER_ACTS),  # without htmx: back to the set
    "classes:new_quiz": (POST, OWN_TEACHER_ACTS),
    "classes:bank": (GET, OWN_TEACHER_PAGE),
    "classes:add_question": (POST, (LOGIN, 403, 403, 404, 404, 404)),  # no question named
    "classes:write": (GET, OWN_TEACHER_PAGE),
    "classes:rewrite": (GET, OWN_TEACHER_PAGE),
    "classes:preview": (GET, OWN_TEACHER_PAGE),
    "classes:quiz_settings": (GET, OWN_TEACHER_PAGE),
    "classes:analysis": (GET, OWN_TEACHER_PAGE),
    "classes:analysis_csv": (GET, OWN_TEACHER_PAGE),
    "classes:template_analysis": (GET, TEACHERS),
    "classes:template_analysis_csv": (GET, TEACHERS),
    # interop: teachers, each with their own imports
    "interop:index": (GET, TEACHERS),
    "interop:upload": (POST, (LOGIN, 403, 403, 200, 200, 200)),  # no file: errors shown
    "interop:preview": (GET, OWN_TEACHER_PAGE),
    "interop:confirm": (POST, OWN_TEACHER_ACTS),
    # An export without its form fields is a 400 that shows the form with errors.
    "interop:export_questions": (GET, (LOGIN, 403, 403, 400, 400, 400)),
    "interop:export_anki": (GET, (LOGIN, 403, 403, 400, 400, 400)),
    "interop:export_facts": (GET, (LOGIN, 403, 403, 400, 400, 400)),
    "interop:export_responses": (GET, (LOGIN, 403, 403, 400, 400, 400)),
}


def outcome(response, login_url: str):
    if response.status_code == 302:
        return LOGIN if response["Location"].startswith(login_url) else SEE_OTHER
    return response.status_code


def statuses(world, method: str, url: str, *, login_url: str) -> tuple:
    """Each role's outcome; each request's changes are rolled back, so roles do not interact."""
    found = []
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.users[role])
        with transaction.atomic():
            found.append(outcome(getattr(client, method)(url), login_url))
            transaction.set_rollback(True)
    return tuple(found)


def test_every_url_pattern_has_an_expectation():
    assert sorted(set(named_patterns()) - set(EXPECTED)) == []
    assert sorted(set(EXPECTED) - set(named_patterns())) == []


@pytest.fixture
def world(bank):
    return build_world()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_role_gets_the_status_the_table_gives(world, name):
    method, expected = EXPECTED[name]
    url = reverse(name, kwargs=world.kwargs.get(name))
    found = statuses(world, method, url, login_url=reverse("accounts:login"))
    assert dict(zip(ROLES, found, strict=True)) == dict(zip(ROLES, expected, strict=True))


def admin_urls() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    return urls


def test_only_admins_get_into_django_admin(world):
    """Everyone else is sent to the admin log-in (teachers are not staff)."""
    login_url = reverse("admin:login")
    expected = (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200)
    found = {url: statuses(world, GET, url, login_url=login_url) for url in admin_urls()}
    assert len(found) > 20
    assert {url: got for url, got in found.items() if got != expected} == {}
