from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.utils import timezone
from django_htmx.middleware import HtmxDetails

from ajquiz.classes.access import teacher_required


class HtmxRequest(HttpRequest):
    """A request that went through django-htmx's middleware (request.htmx is truthy for htmx)."""

    htmx: HtmxDetails


def teacher_view(view):
    """Log-in required, then teachers only (403 for students)."""
    return login_required(teacher_required(view))


def now():
    return timezone.now()
