from __future__ import annotations

import pytest

from ajquiz.accounts.roles import make_admin, make_student, make_teacher
from tests.factories import make_user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _ensure_content():
    from ajquiz.content.loading import load_content
    from ajquiz.content.models import Source

    if not Source.objects.exists():
        load_content()


def _ensure_bank():
    from ajquiz.questions.bank import refresh_bank
    from ajquiz.questions.models import Question

    _ensure_content()
    if not Question.objects.generated().exists():
        refresh_bank()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Loaded once per test database, outside the per-test transactions, so it survives them.
    with django_db_blocker.unblock():
        _ensure_bank()


@pytest.fixture
def content(db):
    """The whole fixture set: sources, entities, topics, facts and templates.

    A transactional test flushes the database when it ends; the next test loads it again.
    """
    _ensure_content()


@pytest.fixture
def bank(db):
    """The fact store and the question bank generated from it (see `content`)."""
    _ensure_bank()


@pytest.fixture
def student(db):
    user = make_user("sam")
    make_student(user)
    return user


@pytest.fixture
def other_student(db):
    user = make_user("olive")
    make_student(user)
    return user


@pytest.fixture
def teacher(db):
    user = make_user("tara")
    make_teacher(user)
    return user


@pytest.fixture
def other_teacher(db):
    user = make_user("theo")
    make_teacher(user)
    return user


@pytest.fixture
def admin_user(db):
    user = make_user("ada")
    make_admin(user)
    return user


@pytest.fixture
def htmx():
    """Headers of a request sent by htmx."""
    return {"HTTP_HX_REQUEST": "true"}
