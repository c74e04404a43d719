"""Spaced repetition over facts: decks, the learner's study list and settings, cards and logs.

Scheduling rules live in study/scheduler.py (FSRS) and study/queue.py (what comes next);
learn mode (LearnItem) and the match game (MatchGame) in study/learn.py and study/match.py.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from ajquiz.content.models import Fact, Source, Topic


class StudyProfile(models.Model):
    """One learner's study settings, created with the defaults on first visit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_profile"
    )
    desired_retention = models.FloatField(
        default=0.9,
        validators=[MinValueValidator(0.7), MaxValueValidator(0.97)],
        help_text="The chance of remembering a fact when it comes due (0.70 to 0.97). "
        "Higher means more reviews.",
    )
    new_per_day = models.PositiveSmallIntegerField(
        "new facts per day",
        default=20,
        validators=[MaxValueValidator(200)],
        help_text="Facts met for the first time each day, in review and learn mode together.",
    )
    reviews_per_day = models.PositiveSmallIntegerField(
        default=200,
        validators=[MaxValueValidator(2000)],
        help_text="Reviews of learned facts each day. Facts still being learned are not capped.",
    )
    keyboard_shortcuts = models.BooleanField(
        default=True,
        help_text="Space shows the answer and 1 to 4 rate it, while the card has focus.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(desired_retention__gte=0.7, desired_retention__lte=0.97),
                name="study_profile_retention_range",
            ),
        ]

    def __str__(self):
        return f"Study settings of {self.user}"


class DeckQuerySet(models.QuerySet):
    def for_topic(self, topic: Topic) -> Deck:
        deck, _ = self.get_or_create(
            kind=Deck.Kind.TOPIC, topic=topic, defaults={"name": topic.name}
        )
        return deck

    def for_source(self, source: Source) -> Deck:
        deck, _ = self.get_or_create(
            kind=Deck.Kind.SOURCE, source=source, defaults={"name": source.title}
        )
        return deck

    def for_facts(self, *, key: str, name: str, facts, owner=None) -> Deck:
        """The deck of a list of facts (a teacher's set), made or refreshed by its `key`."""
        deck, _ = self.update_or_create(
            key=key, defaults={"kind": Deck.Kind.FACTS, "name": name, "owner": owner}
        )
        deck.facts.set(facts)
        return deck

    def studied_by(self, user):
        return self.filter(study_list__user=user)


class Deck(models.Model):
    """A topic (with its subtopics), a source, or a list of facts such as a teacher's set."""

    class Kind(models.TextChoices):
        TOPIC = "topic", "Topic"
        SOURCE = "source", "Source"
        FACTS = "facts", "List of facts"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    name = models.CharField(max_length=200)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="study_decks"
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.CASCADE, related_name="study_decks"
    )
    facts = models.ManyToManyField(
        Fact, blank=True, related_name="study_decks", help_text="Only for a list of facts."
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_decks",
        help_text="The teacher who made a list of facts; blank for topic and source decks.",
    )
    key = models.CharField(
        max_length=120,
        null=True,
        blank=True,
        unique=True,
        help_text="Set by the app that made a list of facts (e.g. 'questionset:<uuid>'), "
        "so that it can find and refresh its deck.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DeckQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="topic", topic__isnull=False, source__isnull=True)
                    | Q(kind="source", source__isnull=False, topic__isnull=True)
                    | Q(kind="facts", topic__isnull=True, source__isnull=True)
                ),
                name="study_deck_kind_matches_target",
            ),
            models.UniqueConstraint(
                fields=["topic"], condition=Q(kind="topic"), name="study_deck_one_per_topic"
            ),
            models.UniqueConstraint(
                fields=["source"], condition=Q(kind="source"), name="study_deck_one_per_source"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"

    def fact_filter(self) -> Q:
        """A filter on Fact for this deck's facts; no query until it is used."""
        if self.kind == self.Kind.TOPIC:
            topic_facts = Fact.topics.through.objects.filter(
                Q(topic_id=self.topic_id) | Q(topic__parent_id=self.topic_id)
            )
            return Q(pk__in=topic_facts.values("fact_id"))
        if self.kind == self.Kind.SOURCE:
            return Q(source_id=self.source_id)
        return Q(pk__in=Deck.facts.through.objects.filter(deck_id=self.pk).values("fact_id"))

    def fact_queryset(self):
        return Fact.objects.filter(self.fact_filter())


def decks_filter(decks) -> Q:
    """Facts in any of `decks` (an empty list matches nothing)."""
    combined = Q(pk__in=[])
    for deck in decks:
        combined |= deck.fact_filter()
    return combined


class StudyListEntry(models.Model):
    """A deck a learner has added to their study list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_list"
    )
    deck = models.ForeignKey(Deck, on_delete=models.CASCADE, related_name="study_list")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name_plural = "study list entries"
        constraints = [
            models.UniqueConstraint(fields=["user", "deck"], name="study_list_deck_once"),
        ]

    def __str__(self):
        return f"{self.user} studies {self.deck}"


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
        ]

    def __str__(self):
        return f"{self.user} rated {self.get_rating_display()} at {self.reviewed_at:%Y-%m-%d %H:%M}"

    @property
    def was_new(self) -> bool:
        return self.state_before == State.NEW


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
