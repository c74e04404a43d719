"""Pages that gather several apps: the home page."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from ajquiz.classes.assigned import assigned_to
from ajquiz.content.models import Source, Topic
from ajquiz.study.overview import study_due_today


def home(request):
    context = {
        "sources": Source.objects.only("slug", "title", "kind"),
        "topics": Topic.objects.filter(parent__isnull=True).prefetch_related("children"),
    }
    # study: due today (begin)
    if request.user.is_authenticated:
        context["study_due"] = study_due_today(request.user, now=timezone.now())
    # study: due today (end)
    # classes: assignments (begin)
    if request.user.is_authenticated:
        context["assigned"] = assigned_to(request.user, now=timezone.now())
    # classes: assignments (end)
    return render(request, "home.html", context)
