"""The learner's study day: it starts at the hour they chose (Anki's "next day starts at"),
in their time zone, so that a session after midnight can still count towards the evening
before. Daily limits, buried siblings, streaks and the dashboard's days all follow it.

Like Django's current time zone, the hour is set for each request (accounts.middleware) and
read by whatever asks for today's date.
"""

from __future__ import annotations

import zoneinfo
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

_starts_at: ContextVar[int] = ContextVar("day_starts_at", default=0)


def starts_at() -> int:
    """The hour (0–23, local time) the current study day starts."""
    return _starts_at.get()


@contextmanager
def day_starting_at(hour: int):
    token = _starts_at.set(hour)
    try:
        yield
    finally:
        _starts_at.reset(token)


@contextmanager
def days_of(user):
    """Run in `user`'s time zone and study day: each request in its user's (the middleware),
    and a teacher's reading of a learner's dashboard in the learner's, so "today" and the
    streak are the learner's own."""
    with timezone.override(zone_of(user)), day_starting_at(getattr(user, "day_starts_at", 0)):
        yield


def zone_of(user) -> zoneinfo.ZoneInfo | None:
    """The user's zone; None (the site's default) for anonymous users, no zone chosen, or a
    zone this machine's tz database lacks."""
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (AttributeError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def study_date(moment: datetime) -> date:
    """The study day `moment` falls in: 02:00 belongs to the day before when days start at 4."""
    return (timezone.localtime(moment) - timedelta(hours=starts_at())).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """When the study day `day` starts and the next one starts, in the current time zone."""
    zone, hour = timezone.get_current_timezone(), time(starts_at())
    return (
        datetime.combine(day, hour, tzinfo=zone),
        datetime.combine(day + timedelta(days=1), hour, tzinfo=zone),
    )


def day_start(moment: datetime) -> datetime:
    """When the study day holding `moment` started, in UTC."""
    return day_bounds(study_date(moment))[0].astimezone(UTC)
