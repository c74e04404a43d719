"""Ending an attempt (the summary of unanswered questions, then submit; or abandon a practice)
and reviewing it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ajquiz.quizzes.access import attempt_for, own_attempt_for
from ajquiz.quizzes.attempts import abandon_attempt, finish_attempt
from ajquiz.quizzes.display import Progress, load_responses, slot_views
from ajquiz.quizzes.models import Attempt
from ajquiz.quizzes.scoring import grade_for, has_passed
from ajquiz.quizzes.views.requests import HtmxRequest


@login_required
@require_http_methods(["GET", "POST"])
def finish(request: HtmxRequest, uid):
    """GET: which questions are still unanswered, and a Submit button. POST: submit."""
    attempt = own_attempt_for(request.user, uid)
    now = timezone.now()
    if request.method == "POST" or not attempt.accepts_answers(now):
        was_open = attempt.is_in_progress
        finish_attempt(attempt, now=now)
        if was_open and attempt.ended_by_time:
            messages.error(request, "Time is up: your attempt was submitted automatically.")
        elif was_open:
            messages.success(request, "Your attempt is submitted.")
        return redirect("quizzes:review", attempt.uid)
    progress = Progress(total=len(attempt.slots), answered=set(load_responses(attempt)))
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "progress": progress,
        "seconds_left": attempt.seconds_left(now),
    }
    return render(request, "quizzes/finish.html", context)


@login_required
@require_POST
def abandon(request: HtmxRequest, uid):
    """Only a practice attempt can be abandoned (a set quiz's attempts always count)."""
    attempt = own_attempt_for(request.user, uid)
    if not attempt.quiz.is_practice:
        raise Http404("Only practice attempts can be abandoned.")
    abandon_attempt(attempt, now=timezone.now())
    messages.info(request, "The practice attempt was abandoned.")
    return redirect("quizzes:practice")


@login_required
def review(request: HtmxRequest, uid):
    attempt = attempt_for(request.user, uid)
    quiz = attempt.quiz
    is_learner = attempt.user_id == request.user.pk
    if attempt.is_in_progress and is_learner:
        return redirect(attempt)
    now = timezone.now()
    # The learner sees what the quiz's review options allow; a teacher or admin sees all.
    details = quiz.review_is_open(now) or not is_learner
    responses = load_responses(attempt)
    indexes = list(range(len(attempt.slots))) if details else []
    grade = grade_for(Attempt.objects.of(attempt.user, quiz), quiz)
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "is_learner": is_learner,
        "details": details,
        "shows_key": quiz.review_shows_key or not is_learner,
        "shows_feedback": quiz.review_shows_feedback or not is_learner,
        "slots": slot_views(attempt, indexes, responses=responses, with_facts=True),
        "grade": grade,
        "passed": has_passed(grade, quiz.pass_mark),
        "attempt_passed": has_passed(attempt.percent, quiz.pass_mark),
    }
    return render(request, "quizzes/review.html", context)
