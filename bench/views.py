"""The yardstick: a bare Django view rendering one template with one query."""

from __future__ import annotations

from django.shortcuts import render

from ajquiz.content.models import Source


def bare(request):
    return render(request, "bench/bare.html", {"sources": list(Source.objects.only("title"))})
