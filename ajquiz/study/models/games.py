"""Learn mode's items and the match game."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from ajquiz.content.models import Fact
from ajquiz.study.models.decks import Deck


class LearnItem(models.Model):
    """A new fact in learn mode: first as multiple choice, then typed recall, then a card."""

    class Stage(models.TextChoices):
        CHOICE = "choice", "Multiple choice"
        RECALL = "recall", "Typed recall"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learn_items"
    )
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="learn_items")
    stage = models.CharField(max_length=8, choices=Stage.choices, default=Stage.CHOICE)
    mistakes = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField()
    updated_at = models.DateTimeField(help_text="Last answered; the oldest comes next.")

    class Meta:
        ordering = ["updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "fact"], name="study_learn_one_per_learner_fact"
            ),
        ]
        indexes = [
            # The learner's batch, least recently answered first: WHERE user_id = ? ORDER BY
            # updated_at.
            models.Index(fields=["user", "updated_at"], name="study_learn_queue"),
        ]

    def __str__(self):
        return f"{self.user} learning {self.fact_id} ({self.stage})"


class MatchGame(models.Model):
    """One timed game of matching prompts with answers. Time is measured on the server."""

    PAIRS = 6

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="match_games"
    )
    deck = models.ForeignKey(
        Deck,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_games",
        help_text="Blank: drawn from the whole study list.",
    )
    payload = models.JSONField(help_text="The pairs, in the shape of a matching question.")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    elapsed_ms = models.PositiveIntegerField(null=True, blank=True)
    mistakes = models.PositiveSmallIntegerField(default=0, help_text="Wrong pairs submitted.")

    class Meta:
        ordering = ["-started_at", "pk"]
        indexes = [
            # Personal best: WHERE user_id = ? AND deck_id = ? ORDER BY elapsed_ms LIMIT 1.
            models.Index(fields=["user", "deck", "elapsed_ms"], name="study_match_best"),
        ]

    def __str__(self):
        return f"Match game of {self.user} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None
