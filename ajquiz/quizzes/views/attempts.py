"""Taking an attempt: the attempt page, saving a page of answers (plain form POST), saving or
checking one answer (htmx), and the timer that re-synchronises with the server's clock."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from ajquiz.questions.models import Question
from ajquiz.questions.payload import answer_from_post
from ajquiz.quizzes.access import own_attempt_for
from ajquiz.quizzes.attempts import Outcome, finish_attempt, record_answers
from ajquiz.quizzes.display import Progress, load_responses, slot_views
from ajquiz.quizzes.views.requests import HtmxRequest


@login_required
@require_GET
def attempt_page(request: HtmxRequest, uid):
    attempt = own_attempt_for(request.user, uid)
    now = timezone.now()
    if not attempt.accepts_answers(now):
        return _ended(request, attempt, now)
    page = _page_number(request.GET.get("page"), attempt)
    return render(request, "quizzes/attempt.html", _page_context(attempt, page, now))


@login_required
@require_POST
def save_page(request: HtmxRequest, uid):
    """The no-JavaScript path: save every answer on the page, then go where the button says."""
    attempt = own_attempt_for(request.user, uid)
    now = timezone.now()
    page = _page_number(request.POST.get("page"), attempt)
    indexes = _indexes_on_page(attempt, page)
    questions = Question.objects.in_bulk([attempt.slots[i]["question"] for i in indexes])
    answers = {
        index: answer_from_post(
            questions[attempt.slots[index]["question"]], request.POST, f"s{index + 1}"
        )
        for index in indexes
    }
    results = record_answers(attempt, answers, now=now, questions=questions)
    outcomes = {saved.outcome for saved in results.values()}
    if outcomes & {Outcome.TIME_UP, Outcome.CLOSED}:
        return _ended(request, attempt, now, refused=next(iter(results.values())).message)
    if Outcome.LOCKED in outcomes:
        messages.warning(request, next(r.message for r in results.values() if r.message))
    return _go(request, attempt, page, request.POST.get("go", ""), now)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def answer_slot(request: HtmxRequest, uid, number: int):
    """Save (deferred feedback) or check (immediate feedback) the answer to one slot."""
    attempt = own_attempt_for(request.user, uid)
    now = timezone.now()
    if not 1 <= number <= len(attempt.slots):
        raise Http404("No such question in this attempt.")
    question = Question.objects.get(pk=attempt.slots[number - 1]["question"])
    answer = answer_from_post(question, request.POST, f"s{number}")
    recorded = record_answers(
        attempt, {number - 1: answer}, now=now, questions={question.pk: question}
    )
    saved = recorded[number - 1]
    if saved.refused:
        return _ended(request, attempt, now, refused=saved.message)
    if not request.htmx:
        return redirect(_page_url(attempt, _page_of(attempt, number)) + f"#slot-{number}")
    context = _page_context(
        attempt,
        _page_of(attempt, number),
        now,
        only=number - 1,
        questions={question.pk: question},
        responses=recorded.responses,
    )
    context.update(saved=saved, outcome=saved.outcome, focus=True)
    template = (
        "quizzes/partials/_checked.html"
        if attempt.quiz.is_immediate
        else ("quizzes/partials/_saved.html")
    )
    return render(request, template, context)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def timer(request: HtmxRequest, uid):
    """The timer partial with the seconds left by the server's clock (polled by htmx)."""
    attempt = own_attempt_for(request.user, uid)
    now = timezone.now()
    if not request.htmx:
        return redirect(attempt)
    if not attempt.accepts_answers(now):
        return HttpResponseClientRedirect(attempt.get_absolute_url())
    return render(
        request,
        "quizzes/partials/_timer.html",
        {"attempt": attempt, "seconds_left": attempt.seconds_left(now)},
    )


def _ended(request, attempt, now, *, refused: str = ""):
    """The attempt no longer takes answers: finish it if its time ran out, go to its result."""
    if attempt.is_in_progress:
        finish_attempt(attempt, now=now)
        refused = refused or "Time is up: your attempt was submitted automatically."
    if refused:
        messages.error(request, refused)
    url = reverse("quizzes:review", args=[attempt.uid])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _go(request, attempt, page, go, now):
    pages = _page_count(attempt)
    if go == "timeup":
        finish_attempt(attempt, now=now)
        messages.info(request, "Time is up: your attempt was submitted.")
        return redirect("quizzes:review", attempt.uid)
    if go == "finish" or (go == "next" and page >= pages):
        return redirect("quizzes:finish", attempt.uid)
    if go.startswith("page-") and go[5:].isdigit():
        page = int(go[5:])
    elif go in ("next", "previous"):
        page += 1 if go == "next" else -1
    anchor = f"#slot-{go[6:]}" if go.startswith("check-") else ""
    return redirect(_page_url(attempt, min(max(page, 1), pages)) + anchor)


def _page_context(
    attempt, page, now, *, only: int | None = None, questions=None, responses=None
) -> dict:
    quiz = attempt.quiz
    if responses is None:
        responses = load_responses(attempt)
    indexes = [only] if only is not None else _indexes_on_page(attempt, page)
    # Immediate feedback cites the facts of answered slots only; a fresh page skips the query.
    with_facts = quiz.is_immediate and any(index in responses for index in indexes)
    return {
        "attempt": attempt,
        "quiz": quiz,
        "slots": slot_views(
            attempt, indexes, responses=responses, with_facts=with_facts, questions=questions
        ),
        "page": page,
        "page_count": _page_count(attempt),
        "one_per_page": quiz.layout == quiz.Layout.ONE_PER_PAGE,
        "progress": Progress(total=len(attempt.slots), answered=set(responses)),
        "seconds_left": attempt.seconds_left(now),
    }


def _page_count(attempt) -> int:
    return len(attempt.slots) if attempt.quiz.layout == attempt.quiz.Layout.ONE_PER_PAGE else 1


def _indexes_on_page(attempt, page) -> list[int]:
    if attempt.quiz.layout == attempt.quiz.Layout.ONE_PER_PAGE:
        return [page - 1]
    return list(range(len(attempt.slots)))


def _page_of(attempt, number: int) -> int:
    return number if attempt.quiz.layout == attempt.quiz.Layout.ONE_PER_PAGE else 1


def _page_number(raw, attempt) -> int:
    try:
        page = int(raw or 1)
    except ValueError:
        page = 1
    return min(max(page, 1), _page_count(attempt))


def _page_url(attempt, page) -> str:
    url = attempt.get_absolute_url()
    return f"{url}?page={page}" if page > 1 else url
