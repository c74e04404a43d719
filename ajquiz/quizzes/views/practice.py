"""Practice quizzes in two clicks: the Practice page lists topics and sources with a Start
button each; pressing it starts (or resumes) that practice quiz."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ajquiz.content.models import Source, Topic
from ajquiz.quizzes.attempts import CannotStart, start_attempt
from ajquiz.quizzes.models import Attempt
from ajquiz.quizzes.practice import practice_quiz
from ajquiz.quizzes.views.requests import HtmxRequest


@login_required
def practice_index(request: HtmxRequest):
    open_attempts = (
        Attempt.objects.filter(
            user=request.user, state=Attempt.State.IN_PROGRESS, quiz__practice_key__isnull=False
        )
        .select_related("quiz")
        .order_by("-started_at")
    )
    context = {
        "topics": Topic.objects.filter(parent__isnull=True).prefetch_related("children"),
        "sources": Source.objects.only("slug", "title", "kind"),
        "open_attempts": open_attempts,
    }
    return render(request, "quizzes/practice.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def practice_start(request: HtmxRequest, slug: str, kind: str):
    """GET: what the practice quiz is, with a Start button. POST: start or resume it."""
    topic = get_object_or_404(Topic, slug=slug) if kind == "topic" else None
    source = get_object_or_404(Source.objects.defer("text"), slug=slug) if not topic else None
    if request.method == "GET":
        subject = topic.name if topic else source.title
        return render(request, "quizzes/practice_start.html", {"subject": subject})
    quiz = practice_quiz(topic=topic, source=source)
    try:
        attempt = start_attempt(quiz, request.user, now=timezone.now())
    except CannotStart as reason:
        messages.error(request, str(reason))
        return redirect("quizzes:practice")
    return redirect(attempt)
