"""Cards (one learner's memory of one fact) and the log of every rating."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from ajquiz.content.models import Fact


class State(models.IntegerChoices):
    """FSRS states (fsrs.State values), plus NEW for a fact never rated (no card row yet)."""

    NEW = 0, "New"
    LEARNING = 1, "Learning"
    REVIEW = 2, "Review"
    RELEARNING = 3, "Relearning"


class Rating(models.IntegerChoices):
    """fsrs.Rating values."""

    AGAIN = 1, "Again"
    HARD = 2, "Hard"
    GOOD = 3, "Good"
    EASY = 4, "Easy"


class CardQuerySet(models.QuerySet):
    def due(self, user, now):
        """Cards due by `now`, oldest due first (index study_card_due)."""
        return self.filter(user=user, due__lte=now).order_by("due", "pk")


class Card(models.Model):
    """One learner's memory of one fact: the FSRS state, created at the first rating.

    Fact-level scheduling: one card per fact, whose prompt varies from day to day (question,
    cloze of its quote, reverse; see study/prompts.py), rather than one card per prompt with
    the others buried. FSRS models the memory of a claim; three cards of one claim would each
    grow their own stability from cues the others give away, triple the reviews, and blur the
    true retention read from the logs. The prompt of a day stays the same all day, so two
    prompts of one fact are never shown on the same day.
    """

    State = State

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No index of its own: study_card_due and study_card_one_per_learner_fact lead with user.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards", db_index=False
    )
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="cards")
    state = models.PositiveSmallIntegerField(choices=State.choices, default=State.LEARNING)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0, help_text="Ratings given so far.")
    lapses = models.PositiveIntegerField(default=0, help_text="Times forgotten after learning.")
    created_at = models.DateTimeField(help_text="When the fact was first rated.")

    objects = CardQuerySet.as_manager()

    class Meta:
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "fact"], name="study_card_one_per_learner_fact"
            ),
            models.CheckConstraint(
                condition=Q(state__in=[1, 2, 3]), name="study_card_state_is_scheduled"
            ),
        ]
        indexes = [
            # The next card and the due counts: WHERE user_id = ? AND due <= ? ORDER BY due.
            models.Index(fields=["user", "due"], name="study_card_due"),
        ]

    def __str__(self):
        return f"{self.user} · {self.fact_id}"

    def is_due(self, now) -> bool:
        return self.due <= now

    SNAPSHOT_FIELDS = (
        "state",
        "step",
        "stability",
        "difficulty",
        "due",
        "last_review",
        "reps",
        "lapses",
    )

    def snapshot(self) -> dict:
        """The scheduling fields as JSON-ready data, kept in a log so a rating can be undone."""
        data = {name: getattr(self, name) for name in self.SNAPSHOT_FIELDS}
        for name in ("due", "last_review"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    def restore(self, data: dict) -> None:
        from datetime import datetime

        for name in self.SNAPSHOT_FIELDS:
            value = data[name]
            if name in ("due", "last_review") and value:
                value = datetime.fromisoformat(value)
            setattr(self, name, value)


class ReviewLog(models.Model):
    """One rating of one card: when, how long it took, and the state before and after."""

    class Mode(models.TextChoices):
        REVIEW = "review", "Review"
        LEARN = "learn", "Learn"

    # No index of its own: study_log_user_time leads with user.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_logs",
        db_index=False,
    )
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="logs")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(
        null=True, blank=True, help_text="From showing the prompt to rating it."
    )
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.REVIEW)
    state_before = models.PositiveSmallIntegerField(choices=State.choices)
    state_after = models.PositiveSmallIntegerField(choices=State.choices)
    retrievability = models.FloatField(
        null=True, blank=True, help_text="FSRS's predicted chance of recall at this review."
    )
    stability_after = models.FloatField()
    difficulty_after = models.FloatField()
    due_after = models.DateTimeField()
    card_before = models.JSONField(
        null=True, blank=True, help_text="The card before this rating (blank when it was new)."
    )

    class Meta:
        ordering = ["reviewed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=4), name="study_log_rating_1_to_4"
            ),
        ]
        indexes = [
            # Today's counts (limits), sibling burying, undo (latest), reviews per day,
            # retention and the streak: WHERE user_id = ? AND reviewed_at >= ?.
            models.Index(fields=["user", "reviewed_at"], name="study_log_user_time"),
            # True retention, all time and last month: counted from the index alone
            # (all-time retention over 100,000 logs: 280 ms to 22 ms on SQLite).
            models.Index(
                fields=["user", "state_before", "reviewed_at", "rating"],
                name="study_log_retention",
            ),
        ]

    def __str__(self):
        return f"{self.user} rated {self.get_rating_display()} at {self.reviewed_at:%Y-%m-%d %H:%M}"

    @property
    def was_new(self) -> bool:
        return self.state_before == State.NEW
