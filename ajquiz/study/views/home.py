"""The study home: what is due, the study list, decks to add, and the learner's settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from ajquiz.content.models import Source, Topic
from ajquiz.study.access import deck_for
from ajquiz.study.forms import StudySettingsForm
from ajquiz.study.models import Deck, StudyListEntry
from ajquiz.study.queue import StudyDay, due_summary, profile_for
from ajquiz.study.streaks import streak
from ajquiz.study.views.common import HtmxRequest


def _home(request: HtmxRequest, form: StudySettingsForm | None = None, status: int = 200):
    now = timezone.now()
    profile = profile_for(request.user)
    decks = list(Deck.objects.studied_by(request.user).select_related("topic", "source"))
    topics_listed = {deck.topic_id for deck in decks}
    sources_listed = {deck.source_id for deck in decks}
    context = {
        "profile": profile,
        "summary": due_summary(
            request.user, now=now, profile=profile, day=StudyDay(request.user, now, decks=decks)
        ),
        "streak": streak(request.user, now=now),
        "decks": decks,
        "topics": [t for t in Topic.objects.select_related("parent") if t.pk not in topics_listed],
        "sources": [s for s in Source.objects.only("slug", "title") if s.pk not in sources_listed],
        "form": form or StudySettingsForm(instance=profile),
    }
    return render(request, "study/index.html", context, status=status)


@login_required
@require_GET
def index(request: HtmxRequest):
    return _home(request)


@login_required
@require_POST
def update_settings(request: HtmxRequest):
    form = StudySettingsForm(request.POST, instance=profile_for(request.user))
    if not form.is_valid():
        return _home(request, form)
    form.save()
    messages.success(request, "Study settings saved.")
    return redirect("study:index")


@login_required
@require_POST
def add_deck(request: HtmxRequest):
    """Add a topic's or a source's deck (made on first use), or a list deck by its uid."""
    if request.POST.get("topic"):
        deck = Deck.objects.for_topic(get_object_or_404(Topic, slug=request.POST["topic"]))
    elif request.POST.get("source"):
        deck = Deck.objects.for_source(get_object_or_404(Source, slug=request.POST["source"]))
    elif request.POST.get("deck"):
        deck = deck_for(request.user, request.POST["deck"])
    else:
        messages.error(request, "Choose a topic or a source to add.")
        return redirect("study:index")
    _, added = StudyListEntry.objects.get_or_create(user=request.user, deck=deck)
    note = "added to your study list" if added else "is already on your study list"
    messages.success(request, f"{deck.name} {note}.")
    return redirect("study:index")


@login_required
@require_POST
def remove_deck(request: HtmxRequest, uid):
    deck = deck_for(request.user, uid)
    StudyListEntry.objects.filter(user=request.user, deck=deck).delete()
    messages.success(
        request,
        f"{deck.name} removed from your study list. Facts you have started keep their reviews.",
    )
    return redirect("study:index")
