"""The yardsticks: a bare Django view rendering one template with one query, and the same
view logged in and inside the site's layout (what every ajquiz page costs before its own
work)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ajquiz.content.models import Source


def bare(request):
    return render(request, "bench/bare.html", {"sources": list(Source.objects.only("title"))})


@login_required
def layout(request):
    return render(request, "bench/layout.html", {"sources": list(Source.objects.only("title"))})
