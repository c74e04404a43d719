"""What the home page shows of study: how much is due today, and the streak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ajquiz.study.queue import DueSummary, StudyDay, due_summary, profile_for
from ajquiz.study.streaks import Streak, streak


@dataclass(frozen=True)
class Overview:
    decks: int
    summary: DueSummary
    streak: Streak


def study_due_today(user, *, now: datetime) -> Overview:
    day = StudyDay(user, now)
    summary = due_summary(user, now=now, profile=profile_for(user), day=day)
    return Overview(decks=len(day.decks), summary=summary, streak=streak(user, now=now))
