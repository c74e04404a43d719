"""The daily streak: consecutive days with at least one rating, up to today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from ajquiz.study.models import ReviewLog

LOOK_BACK_DAYS = 400
# Days checked by the first query; a longer streak takes a second query for the rest.
FIRST_WINDOW = 31


@dataclass(frozen=True)
class Streak:
    days: int
    studied_today: bool


def study_days(user, *, now: datetime, days: list[date]) -> set[date]:
    """Which of `days` (in the current time zone) have a rating, in one query.

    One EXISTS per day, each an index seek on study_log_user_time, so the cost does not grow
    with the learner's history: grouping the logs by day read every log of the past year
    (20 s for a learner with 1,000,000 logs on SQLite, where the day is a Python function).
    Plain SQL because the ORM spends ~1 ms building each EXISTS; this is ~0.1 ms.
    """
    if not days:
        return set()
    quote, adapt = connection.ops.quote_name, connection.ops.adapt_datetimefield_value
    meta = ReviewLog._meta
    user_column = quote(meta.get_field("user").column)
    time_column = quote(meta.get_field("reviewed_at").column)
    exists = (
        f"EXISTS(SELECT 1 FROM {quote(meta.db_table)} WHERE {user_column} = %s"
        f" AND {time_column} >= %s AND {time_column} <= %s)"
    )
    zone = timezone.get_current_timezone()
    params: list = []
    for day in days:
        start = datetime.combine(day, time.min, tzinfo=zone)
        end = min(now, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone))
        params += [user.pk, adapt(start), adapt(end)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([exists] * len(days)), params)
        found = cursor.fetchone()
    return {day for day, studied in zip(days, found, strict=True) if studied}


def streak(user, *, now: datetime) -> Streak:
    """A streak still counts until today ends: yesterday's run continues if today is empty."""
    today = timezone.localtime(now).date()
    back = [today - timedelta(days=number) for number in range(LOOK_BACK_DAYS + 1)]
    days = study_days(user, now=now, days=back[:FIRST_WINDOW])
    # Yesterday back to the window's end all studied: the streak may go on (today may be empty).
    if days.issuperset(back[1:FIRST_WINDOW]):
        days |= study_days(user, now=now, days=back[FIRST_WINDOW:])
    current = today
    studied_today = current in days
    if not studied_today:
        current -= timedelta(days=1)
    count = 0
    while current in days:
        count += 1
        current -= timedelta(days=1)
    return Streak(days=count, studied_today=studied_today)
