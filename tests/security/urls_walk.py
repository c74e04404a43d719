"""Every named URL pattern of the project, walked from the root URLconf."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver


def named_patterns(resolver=None, namespace: str = "", prefix: str = "") -> dict[str, str]:
    """'namespace:name' -> the route, for every named pattern outside Django admin."""
    resolver = resolver or get_resolver()
    found: dict[str, str] = {}
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.update(named_patterns(entry, inner, prefix + str(entry.pattern)))
        elif isinstance(entry, URLPattern) and entry.name:
            found[f"{namespace}{entry.name}"] = prefix + str(entry.pattern)
    return found
