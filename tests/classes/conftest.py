from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ajquiz.classes.models import Assignment, Classroom, Membership
from tests.factories import make_question, make_quiz


@pytest.fixture
def now():
    return datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def classroom(teacher):
    return Classroom.objects.create(name="History 10B", teacher=teacher, join_code="ABCD2345")


@pytest.fixture
def enrolled(classroom, student, now):
    return Membership.objects.create(classroom=classroom, student=student, joined_at=now)


@pytest.fixture
def quiz(teacher):
    """A teacher's quiz of three fixed questions (mc, tf, num), in that order."""
    questions = [make_question("mc"), make_question("tf"), make_question("num")]
    return make_quiz(questions, owner=teacher, title="The 1902 treaty")


@pytest.fixture
def assignment(classroom, quiz, now):
    return Assignment.objects.create(classroom=classroom, quiz=quiz, due_at=now + timedelta(days=7))


@pytest.fixture
def clock(monkeypatch, now):
    """Freeze the time views read (django.utils.timezone.now) at `now`; clock.at(t) moves it."""

    class Clock:
        current = now

        def at(self, when):
            self.current = when

    frozen = Clock()
    monkeypatch.setattr("django.utils.timezone.now", lambda: frozen.current)
    return frozen
