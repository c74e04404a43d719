"""Each request runs in the signed-in user's time zone (Django's current time zone) and study
day (accounts.days), so the study day, the dashboard's days and every time shown follow where
the learner is and when their day starts."""

from __future__ import annotations

from ajquiz.accounts.days import days_of


def user_time_zone(get_response):
    def middleware(request):
        # The user is read here rather than lazily later: every signed-in page needs them.
        with days_of(request.user):
            return get_response(request)

    return middleware
