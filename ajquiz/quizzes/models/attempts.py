"""An attempt (one learner's run, its questions and option orders frozen at the start) and
its responses (one per slot)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from ajquiz.questions.models import Question
from ajquiz.quizzes import visibility
from ajquiz.quizzes.models.quizzes import Quiz, filter_without_duplicates
from ajquiz.quizzes.scoring import percentage


class AttemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Attempts `user` may read: their own, all for admins, plus rules registered by higher
        layers (the classes app lets a teacher see their students' attempts)."""
        if user.is_staff:
            return self
        return filter_without_duplicates(self, visibility.attempt_filter(user))

    def of(self, user, quiz):
        return self.filter(user=user, quiz=quiz)

    def counted(self):
        """Attempts that count towards the quiz grade: finished ones."""
        return self.filter(state=Attempt.State.FINISHED)


class Attempt(models.Model):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        FINISHED = "finished", "Finished"
        ABANDONED = "abandoned", "Abandoned"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(help_text="1 for the learner's first attempt.")
    state = models.CharField(max_length=12, choices=State.choices, default=State.IN_PROGRESS)
    seed = models.PositiveIntegerField(default=0)
    slots = models.JSONField(
        default=list,
        help_text='Frozen at the start: [{"question": id, "options": [ids], "items": [ids]}] '
        "in the order shown.",
    )
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True, help_text="Blank: no time limit.")
    finished_at = models.DateTimeField(
        null=True, blank=True, help_text="When it ended; the classes app compares it to due dates."
    )
    ended_by_time = models.BooleanField(
        default=False, help_text="Finished automatically because its time ran out."
    )
    score = models.FloatField(null=True, blank=True, help_text="Marks earned (one per slot).")
    max_score = models.PositiveSmallIntegerField(default=0)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="quizzes_attempt_number_per_learner"
            ),
            # Two "Start" clicks at once must not open two attempts.
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=models.Q(state="in_progress"),
                name="quizzes_attempt_one_open_per_quiz",
            ),
            models.CheckConstraint(
                condition=models.Q(state="in_progress") | models.Q(finished_at__isnull=False),
                name="quizzes_attempt_ended_has_time",
            ),
        ]
        indexes = [
            # A learner's attempts at a quiz (quiz page, grade across attempts, gradebook).
            models.Index(fields=["user", "quiz", "state"], name="quizzes_attempt_learner"),
        ]

    def __str__(self):
        return f"{self.user} · {self.quiz} #{self.number}"

    def get_absolute_url(self):
        return reverse("quizzes:attempt", args=[self.uid])

    @property
    def is_in_progress(self) -> bool:
        return self.state == self.State.IN_PROGRESS

    @property
    def is_finished(self) -> bool:
        return self.state == self.State.FINISHED

    @property
    def percent(self) -> float | None:
        return percentage(self.score, self.max_score)

    def accepts_answers(self, now) -> bool:
        """In progress and not past its deadline plus the quiz's grace period."""
        return self.is_in_progress and not self.is_overdue(now)

    def is_overdue(self, now) -> bool:
        return self.deadline is not None and now > self.deadline + self.quiz.grace_period

    def seconds_left(self, now) -> int | None:
        if self.deadline is None:
            return None
        return max(0, int((self.deadline - now).total_seconds()))

    def finish(self, now, *, score: float) -> None:
        """in progress -> finished. An overdue attempt ends at its deadline, not when noticed."""
        self._end(self.State.FINISHED, now)
        if self.is_overdue(now):
            self.finished_at = self.deadline
            self.ended_by_time = True
        self.score = score
        self.max_score = len(self.slots)

    def abandon(self, now) -> None:
        """in progress -> abandoned: it never counts towards the quiz grade."""
        self._end(self.State.ABANDONED, now)

    def _end(self, state, now) -> None:
        if not self.is_in_progress:
            raise ValueError(f"Attempt {self.uid} is already {self.state}.")
        self.state = state
        self.finished_at = now


class Response(models.Model):
    """One answer to one slot of an attempt; the question is the version the learner saw."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    slot = models.PositiveSmallIntegerField(help_text="0-based position in the attempt.")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="responses")
    answer = models.JSONField(help_text="As read by questions.payload.answer_from_post.")
    fraction = models.FloatField(help_text="Share of the slot's mark earned, 0 to 1.")
    answered_at = models.DateTimeField()
    changed_at = models.DateTimeField(help_text="Last change of the answer (deferred feedback).")

    class Meta:
        ordering = ["attempt", "slot"]
        constraints = [
            # The invariant behind idempotent submits: one response per slot, ever.
            models.UniqueConstraint(
                fields=["attempt", "slot"], name="quizzes_response_one_per_slot"
            ),
            models.CheckConstraint(
                condition=models.Q(fraction__gte=0) & models.Q(fraction__lte=1),
                name="quizzes_response_fraction_0_1",
            ),
        ]

    def __str__(self):
        return f"{self.attempt} slot {self.slot + 1}"
