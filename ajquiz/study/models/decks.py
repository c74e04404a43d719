"""Decks, the learner's study list and study settings."""

from __future__ import annotations

import operator
import uuid
from functools import reduce

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

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
        return decks_filter([self])

    def fact_queryset(self):
        return Fact.objects.filter(self.fact_filter())


def decks_filter(decks) -> Q:
    """Facts in any of `decks` (an empty list matches nothing): one condition per kind of deck
    whatever their number, which keeps the study queries small to build and to plan.

    Membership is an EXISTS on each fact's own links: as IN, SQLite listed every link of the
    topic before it checked a fact, so counting the first 20 new facts of a 100,000-fact deck
    took 20 ms instead of 4 (PostgreSQL plans both as the same semi-join)."""
    decks = list(decks)
    kinds = Deck.Kind
    topic_ids = [deck.topic_id for deck in decks if deck.kind == kinds.TOPIC]
    source_ids = [deck.source_id for deck in decks if deck.kind == kinds.SOURCE]
    fact_deck_ids = [deck.pk for deck in decks if deck.kind == kinds.FACTS]
    conditions = []
    if topic_ids:
        # The topics and their subtopics first, then their links by the topic_id index: an OR
        # across the join to Topic made PostgreSQL scan every link (35 ms at 100,000 facts).
        topics = Topic.objects.filter(Q(pk__in=topic_ids) | Q(parent_id__in=topic_ids))
        links = Fact.topics.through.objects.filter(
            fact_id=OuterRef("pk"), topic_id__in=topics.values("pk")
        )
        conditions.append(Q(Exists(links)))
    if source_ids:
        conditions.append(Q(source_id__in=source_ids))
    if fact_deck_ids:
        members = Deck.facts.through.objects.filter(
            fact_id=OuterRef("pk"), deck_id__in=fact_deck_ids
        )
        conditions.append(Q(Exists(members)))
    return reduce(operator.or_, conditions) if conditions else Q(pk__in=[])


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
