"""Each request runs in the signed-in user's time zone (Django's current time zone) and study
day (accounts.days), so the study day, the dashboard's days and every time shown follow where
the learner is and when their day starts."""

from __future__ import annotations

import zoneinfo

from django.utils import timezone

from ajquiz.accounts.days import day_starting_at


def user_time_zone(get_response):
    def middleware(request):
        # The user is read here rather than lazily later: every signed-in page needs them.
        try:
            timezone.activate(zoneinfo.ZoneInfo(request.user.time_zone))
        except (AttributeError, ValueError, zoneinfo.ZoneInfoNotFoundError):
            # Anonymous, no zone chosen, or a zone this machine's tz database lacks.
            timezone.deactivate()
        try:
            with day_starting_at(getattr(request.user, "day_starts_at", 0)):
                return get_response(request)
        finally:
            timezone.deactivate()

    return middleware
