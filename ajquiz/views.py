"""Pages that gather several apps: the home page."""

from __future__ import annotations

from django.shortcuts import render

from ajquiz.content.models import Source, Topic


def home(request):
    context = {
        "sources": Source.objects.only("slug", "title", "kind"),
        "topics": Topic.objects.filter(parent__isnull=True).prefetch_related("children"),
    }
    return render(request, "home.html", context)
