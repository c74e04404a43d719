"""A quiz's page (settings in words, the learner's attempts, their grade) and starting it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ajquiz.quizzes.access import quiz_for
from ajquiz.quizzes.attempts import CannotStart, finish_overdue, start_attempt
from ajquiz.quizzes.models import Attempt
from ajquiz.quizzes.scoring import grade_for, has_passed
from ajquiz.quizzes.views.requests import HtmxRequest


@login_required
def quiz_detail(request: HtmxRequest, uid):
    quiz = quiz_for(request.user, uid)
    now = timezone.now()
    finish_overdue(Attempt.objects.of(request.user, quiz), now)
    attempts = list(Attempt.objects.of(request.user, quiz))
    grade = grade_for(attempts, quiz)
    used = sum(1 for attempt in attempts if attempt.state != Attempt.State.ABANDONED)
    context = {
        "quiz": quiz,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if a.is_in_progress), None),
        "grade": grade,
        "passed": has_passed(grade, quiz.pass_mark),
        "is_open": quiz.is_open(now),
        "attempts_left": (quiz.attempts_allowed - used) if quiz.attempts_allowed else None,
        "review_open": quiz.review_is_open(now),
    }
    return render(request, "quizzes/quiz_detail.html", context)


@login_required
@require_POST
def quiz_start(request: HtmxRequest, uid):
    quiz = quiz_for(request.user, uid)
    try:
        attempt = start_attempt(quiz, request.user, now=timezone.now())
    except CannotStart as reason:
        messages.error(request, str(reason))
        return redirect(quiz)
    return redirect(attempt)
