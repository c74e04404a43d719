from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """The request as views see it: django-htmx adds `htmx`."""

    htmx: HtmxDetails


def with_deck(name: str, deck=None, **params) -> str:
    """The URL of `name` keeping the deck being studied, plus any query parameters."""
    query = {"deck": str(deck.uid)} if deck is not None else {}
    query.update({key: value for key, value in params.items() if value is not None})
    url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


def pick(request: HtmxRequest, page: str, partial: str) -> str:
    """The partial for htmx requests, the full page otherwise."""
    return partial if request.htmx else page
