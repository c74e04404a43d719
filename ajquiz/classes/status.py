"""Where a student stands on an assignment, read from their attempts at its quiz.

- finished: a finished attempt ended on or before the student's due date (their extension's
  date when they have one);
- late: finished attempts exist, but every one ended after the due date;
- in progress: an attempt is open and none is finished yet;
- not started: no attempt, or only abandoned ones.

The grade is the quiz's grade over every finished attempt (late ones count, and are marked
late). An attempt is late when it ended after the due date; an attempt that ended because its
time ran out ended at its deadline, not when someone noticed (quizzes' Attempt.finish).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models

from ajquiz.quizzes.models import Attempt, Quiz
from ajquiz.quizzes.scoring import grade_for, has_passed


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    LATE = "late", "Late"
    FINISHED = "finished", "Finished"


def is_late(attempt: Attempt, due_at: datetime) -> bool:
    return attempt.is_finished and attempt.finished_at is not None and attempt.finished_at > due_at


@dataclass
class Standing:
    status: Status
    due_at: datetime
    is_overdue: bool = False  # past the due date without a finished attempt
    grade: float | None = None
    passed: bool | None = None
    attempts: list[Attempt] = field(default_factory=list)
    late_ids: set[int] = field(default_factory=set)

    @property
    def label(self) -> str:
        if self.is_overdue:
            return f"{self.status.label} (overdue)"
        return self.status.label

    @property
    def latest_finished(self) -> Attempt | None:
        finished = [attempt for attempt in self.attempts if attempt.is_finished]
        return finished[-1] if finished else None

    def is_late_attempt(self, attempt: Attempt) -> bool:
        return attempt.pk in self.late_ids


def standing_of(attempts: Iterable[Attempt], *, quiz: Quiz, due_at: datetime, now) -> Standing:
    """One student's standing from their attempts at `quiz` (any order; abandoned ignored)."""
    kept = sorted(
        (attempt for attempt in attempts if attempt.state != Attempt.State.ABANDONED),
        key=lambda attempt: attempt.number,
    )
    finished = [attempt for attempt in kept if attempt.is_finished]
    late = {attempt.pk for attempt in finished if is_late(attempt, due_at)}
    if any(attempt.pk not in late for attempt in finished):
        status = Status.FINISHED
    elif finished:
        status = Status.LATE
    elif any(attempt.is_in_progress for attempt in kept):
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    grade = grade_for(finished, quiz)
    return Standing(
        status=status,
        due_at=due_at,
        is_overdue=status in (Status.NOT_STARTED, Status.IN_PROGRESS) and now > due_at,
        grade=grade,
        passed=has_passed(grade, quiz.pass_mark),
        attempts=kept,
        late_ids=late,
    )
