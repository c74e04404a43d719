"""What every page's layout (templates/base.html) needs, whoever is looking."""

from __future__ import annotations

from functools import lru_cache

from django.templatetags.static import static
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

LINKS = {
    "home": "home",
    "sources": "content:source_list",
    "topics": "content:topic_list",
    "practice": "quizzes:practice",
    "study": "study:index",
    "progress": "progress:dashboard",
    "classes": "classes:classrooms",
    "sets": "classes:sets",
    "interop": "interop:index",
    "admin": "admin:index",
    "settings": "accounts:settings",
    "login": "accounts:login",
    "logout": "accounts:logout",
    "signup": "accounts:signup",
}
ASSETS = {
    "css": "css/site.css",
    "htmx": "vendor/htmx-2.0.11.min.js",
    "js": "js/site.js",
}


def layout(request):
    """The layout's links and assets, found once per URL configuration and script prefix:
    its dozen {% url %} and {% static %} tags cost about a tenth of a bare page."""
    return {"layout": _layout(get_resolver(get_urlconf()), get_script_prefix())}


@lru_cache(maxsize=8)
def _layout(resolver, prefix: str) -> dict[str, str]:
    # The arguments are the cache key: reverse() reads both from the current thread.
    return {key: reverse(name) for key, name in LINKS.items()} | {
        key: static(path) for key, path in ASSETS.items()
    }
