"""Quiz settings explain their mistakes; admins manage every quizzes model; cron finishes
overdue attempts."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ajquiz.quizzes.attempts import finish_attempt
from ajquiz.quizzes.models import Attempt
from tests.factories import make_attempt, make_question, make_quiz

pytestmark = pytest.mark.django_db


def test_quiz_settings_explain_each_mistake(now):
    quiz = make_quiz([make_question("mc")])
    quiz.opens_at, quiz.closes_at = now, now - timedelta(hours=1)
    quiz.time_limit = timedelta(0)
    quiz.grace_period = timedelta(seconds=-5)
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert error.value.message_dict == {
        "closes_at": ["The quiz must close after it opens."],
        "time_limit": ["A time limit must be longer than zero; leave it blank for none."],
        "grace_period": ["The grace period cannot be negative."],
    }


def test_a_draw_rule_names_the_kinds_it_accepts():
    from ajquiz.quizzes.models import DrawRule

    rule = DrawRule(question_set=make_quiz([]).question_set, count=3, kinds=["mc", "essay"])
    with pytest.raises(ValidationError, match="Choose kinds among cloze, match, mc"):
        rule.full_clean()


def test_the_command_finishes_only_overdue_attempts(student, other_student):
    quiz = make_quiz([make_question("mc")], time_limit=timedelta(minutes=5))
    overdue = make_attempt(quiz, student)
    on_time = make_attempt(quiz, other_student)
    Attempt.objects.filter(pk=overdue.pk).update(deadline=timezone.now() - timedelta(hours=1))
    out = StringIO()
    call_command("finish_overdue_attempts", stdout=out)
    assert out.getvalue().strip() == "Finished 1 overdue attempt."
    overdue.refresh_from_db()
    on_time.refresh_from_db()
    assert (overdue.state, overdue.ended_by_time) == (Attempt.State.FINISHED, True)
    assert on_time.is_in_progress


@pytest.mark.parametrize("model", ["questionset", "quiz", "attempt"])
def test_admin_lists_and_opens_every_quizzes_model(client, admin_user, student, model):
    attempt = make_attempt(make_quiz([make_question("mc")]), student)
    finish_attempt(attempt, now=timezone.now())
    objects = {
        "questionset": attempt.quiz.question_set,
        "quiz": attempt.quiz,
        "attempt": attempt,
    }
    client.force_login(admin_user)
    assert client.get(reverse(f"admin:quizzes_{model}_changelist")).status_code == 200
    change = reverse(f"admin:quizzes_{model}_change", args=[objects[model].pk])
    assert client.get(change).status_code == 200
