"""Learn mode: multiple choice, then typed recall, then the fact graduates into reviews."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from ajquiz.questions.payload import answer_from_post
from ajquiz.study.access import optional_deck_for
from ajquiz.study.forms import RecallForm
from ajquiz.study.learn import (
    Outcome,
    answer_choice,
    answer_recall,
    exercise_for,
    next_exercise,
)
from ajquiz.study.models import LearnItem
from ajquiz.study.queue import carry_flags, profile_for, with_prompt_facts
from ajquiz.study.views.common import HtmxRequest, pick

PAGE, PARTIAL = "study/learn.html", "study/partials/_learn.html"


@login_required
@require_GET
@vary_on_headers("HX-Request")
def learn(request: HtmxRequest):
    now = timezone.now()
    profile = profile_for(request.user)
    deck = optional_deck_for(request.user, request.GET.get("deck"))
    exercise = next_exercise(request.user, now=now, profile=profile, deck=deck)
    context = {"deck": deck, "exercise": exercise, "profile": profile}
    return render(request, pick(request, PAGE, PARTIAL), context)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def answer(request: HtmxRequest):
    now = timezone.now()
    profile = profile_for(request.user)
    deck = optional_deck_for(request.user, request.POST.get("deck"))
    items = with_prompt_facts(LearnItem.objects.filter(user=request.user))
    item = carry_flags(get_object_or_404(items, fact__slug=request.POST.get("fact", "")))
    exercise = exercise_for(item)
    context = {"deck": deck, "exercise": exercise, "profile": profile}
    # A repeated submit of a stage already passed just shows where the fact is now.
    if request.POST.get("stage") == item.stage:
        result = _check(request, exercise, now=now, profile=profile)
        if isinstance(result, str):
            context["error"] = result
        else:
            context.update(outcome=result, facts=[result.fact])
    return render(request, pick(request, PAGE, PARTIAL), context)


def _check(request: HtmxRequest, exercise, *, now, profile) -> Outcome | str:
    """The outcome of the answer submitted, or what is wrong with the submit."""
    if exercise.question is not None:
        given = answer_from_post(exercise.question, request.POST, prefix="answer")
        if given is None:
            return "Choose one of the options."
        return answer_choice(exercise, given, now=now)
    form = RecallForm(request.POST)
    if not form.is_valid():
        return form.errors["answer"][0]
    typed = form.cleaned_data["answer"]
    accept = request.POST.get("accept") == "1"
    if not typed and not accept and request.POST.get("give_up") != "1":
        return "Type your answer, or choose “Show me the answer”."
    return answer_recall(
        exercise, typed, user=request.user, now=now, profile=profile, accept=accept
    )
