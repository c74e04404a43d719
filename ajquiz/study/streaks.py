"""The daily streak: consecutive days with at least one rating, up to today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models.functions import TruncDate
from django.utils import timezone

from ajquiz.study.models import ReviewLog
from ajquiz.study.queue import day_start

LOOK_BACK_DAYS = 400


@dataclass(frozen=True)
class Streak:
    days: int
    studied_today: bool


def study_days(user, *, now: datetime, since: datetime) -> set[date]:
    """Days (in the current time zone) with a rating: one query on study_log_user_time."""
    return set(
        ReviewLog.objects.filter(user=user, reviewed_at__gte=since, reviewed_at__lte=now)
        .annotate(day=TruncDate("reviewed_at"))
        .values_list("day", flat=True)
        .distinct()
    )


def streak(user, *, now: datetime) -> Streak:
    """A streak still counts until today ends: yesterday's run continues if today is empty."""
    days = study_days(user, now=now, since=day_start(now) - timedelta(days=LOOK_BACK_DAYS))
    current = timezone.localtime(now).date()
    studied_today = current in days
    if not studied_today:
        current -= timedelta(days=1)
    count = 0
    while current in days:
        count += 1
        current -= timedelta(days=1)
    return Streak(days=count, studied_today=studied_today)
