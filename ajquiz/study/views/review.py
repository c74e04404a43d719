"""Review mode: the prompt, the answer on request, a rating, the next card; undo."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from ajquiz.accounts.days import study_date
from ajquiz.content.models import Fact
from ajquiz.study.access import optional_deck_for
from ajquiz.study.forms import RatingForm
from ajquiz.study.models import Card, Rating
from ajquiz.study.prompts import prompt_for_day
from ajquiz.study.queue import (
    Next,
    StudyDay,
    due_summary,
    facts_with_prompt_data,
    next_card,
    next_due_at,
    profile_for,
)
from ajquiz.study.reviews import AlreadyRated, rate, undo_last
from ajquiz.study.scheduler import CardState, describe_interval, preview
from ajquiz.study.views.common import HtmxRequest, pick, with_deck

PAGE, PARTIAL = "study/review.html", "study/partials/_card.html"


@dataclass(frozen=True)
class RatingChoice:
    value: int
    label: str
    interval: str


def card_context(
    request, found: Next | None, *, now, profile, deck, revealed=False, shown=None, day=None
):
    user = request.user
    day = day or StudyDay(user, now, deck)
    context = {
        "deck": deck,
        "profile": profile,
        "found": found,
        "summary": due_summary(user, now=now, profile=profile, deck=deck, day=day),
        "can_undo": day.done.rated > 0,
        "revealed": revealed,
        "shown": shown or int(now.timestamp() * 1000),
    }
    if found is None:
        context["next_due"] = next_due_at(user, deck=deck)
        return context
    fact, card = found.fact, found.card
    state = CardState.of(card)
    context["prompt"] = prompt_for_day(
        fact,
        day=study_date(now),
        first_seen=study_date(card.created_at) if card else None,
        question_is_unique=not fact.question_shared,
        reverse_is_unique=not fact.reverse_shared,
    )
    context.update(fact=fact, card=card, seen_reps=state.reps)
    if revealed:
        intervals = preview(state, now=now, desired_retention=profile.desired_retention)
        context["ratings"] = [
            RatingChoice(value, Rating(value).label, describe_interval(interval))
            for value, interval in intervals.items()
        ]
    return context


def chosen(user, slug: str) -> Next:
    """A named fact with the learner's card of it (if any): reveal, undo, 'study this fact'."""
    fact = get_object_or_404(facts_with_prompt_data(Fact.objects.filter(slug=slug)))
    return Next(fact, Card.objects.filter(user=user, fact=fact).first())


def _shown(value) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_GET
@vary_on_headers("HX-Request")
def review(request: HtmxRequest):
    now = timezone.now()
    profile = profile_for(request.user)
    deck = optional_deck_for(request.user, request.GET.get("deck"))
    slug = request.GET.get("reveal") or request.GET.get("fact")
    day = StudyDay(request.user, now, deck)
    if slug:
        found = chosen(request.user, slug)
    else:
        found = next_card(request.user, now=now, profile=profile, deck=deck, day=day)
    context = card_context(
        request,
        found,
        now=now,
        profile=profile,
        deck=deck,
        revealed=bool(request.GET.get("reveal")),
        shown=_shown(request.GET.get("shown")),
        day=day,
    )
    return render(request, pick(request, PAGE, PARTIAL), context)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def rate_card(request: HtmxRequest):
    now = timezone.now()
    profile = profile_for(request.user)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _after(request, "That rating was not understood; rate the card again.", now=now)
    data = form.cleaned_data
    deck = optional_deck_for(request.user, data["deck"] and str(data["deck"]))
    fact = get_object_or_404(Fact, slug=data["fact"])
    shown = data["shown"]
    try:
        log = rate(
            user=request.user,
            fact=fact,
            rating=data["rating"],
            now=now,
            profile=profile,
            duration_ms=int(now.timestamp() * 1000) - shown if shown else None,
            seen_reps=data["seen_reps"],
        )
    except AlreadyRated:
        status = "That card was already rated. Here is the next one."
    else:
        label = Rating(log.rating).label
        status = f"Rated {label}. Due again in {describe_interval(log.due_after - now)}."
    return _after(request, status, now=now, profile=profile, deck=deck)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def undo(request: HtmxRequest):
    now = timezone.now()
    deck = optional_deck_for(request.user, request.POST.get("deck"))
    log = undo_last(request.user, now=now)
    if log is None:
        return _after(request, "There is no rating from today to undo.", now=now, deck=deck)
    status = f"Undid the rating {Rating(log.rating).label}. The card is back."
    if not request.htmx:
        messages.info(request, status)
        return redirect(with_deck("study:review", deck, fact=log.card.fact.slug))
    profile = profile_for(request.user)
    found = chosen(request.user, log.card.fact.slug)
    context = card_context(request, found, now=now, profile=profile, deck=deck)
    return render(request, PARTIAL, {**context, "status": status})


def _after(request: HtmxRequest, status: str, *, now, profile=None, deck=None):
    """After a rating: the next card (htmx), or a redirect to it with the status as a message."""
    if not request.htmx:
        messages.info(request, status)
        return redirect(with_deck("study:review", deck))
    profile = profile or profile_for(request.user)
    day = StudyDay(request.user, now, deck)
    found = next_card(request.user, now=now, profile=profile, deck=deck, day=day)
    context = card_context(request, found, now=now, profile=profile, deck=deck, day=day)
    return render(request, PARTIAL, {**context, "status": status})
