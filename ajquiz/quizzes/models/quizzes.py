"""A quiz: a question set with its settings (times, attempts, grading, feedback, review)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from ajquiz.quizzes import visibility
from ajquiz.quizzes.models.sets import QuestionSet


def filter_without_duplicates(queryset, allowed):
    """Rules added by other apps may join to many rows: apply them through a pk subquery."""
    if not visibility.has_extra_rules():
        return queryset.filter(allowed)
    return queryset.filter(pk__in=queryset.model.objects.filter(allowed).values("pk"))


class QuizQuerySet(models.QuerySet):
    def takeable_by(self, user):
        """Quizzes `user` may take: public ones, their own, all for admins, plus extra rules."""
        if user.is_staff:
            return self
        return filter_without_duplicates(self, visibility.quiz_filter(user))


class Quiz(models.Model):
    class GradingMethod(models.TextChoices):
        HIGHEST = "highest", "Highest attempt"
        AVERAGE = "average", "Average of attempts"
        FIRST = "first", "First attempt"
        LAST = "last", "Last attempt"

    class FeedbackMode(models.TextChoices):
        IMMEDIATE = "immediate", "Immediate: after each answer"
        DEFERRED = "deferred", "Deferred: after finishing"

    class Layout(models.TextChoices):
        ONE_PER_PAGE = "one", "One question per page"
        ALL_ON_ONE = "all", "All questions on one page"

    class ReviewTiming(models.TextChoices):
        IMMEDIATELY = "immediately", "Right after finishing"
        AFTER_CLOSE = "after_close", "After the quiz closes"
        NEVER = "never", "Never (the score only)"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT, related_name="quizzes")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quizzes",
    )
    practice_key = models.CharField(
        max_length=120,
        null=True,
        blank=True,
        unique=True,
        help_text='Built-in practice quiz of one topic or source ("topic:<slug>"); else blank.',
    )
    is_public = models.BooleanField(
        default=False,
        help_text="Anyone logged in may take it. Otherwise only its owner and the students it "
        "is assigned to.",
    )
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Attempts still open at this time end here."
    )
    time_limit = models.DurationField(null=True, blank=True, help_text="Blank: no time limit.")
    grace_period = models.DurationField(
        default=timedelta(seconds=30),
        help_text="Answers sent this long after the deadline are still accepted (slow networks).",
    )
    attempts_allowed = models.PositiveSmallIntegerField(default=0, help_text="0: unlimited.")
    grading_method = models.CharField(
        max_length=8, choices=GradingMethod.choices, default=GradingMethod.HIGHEST
    )
    shuffle_questions = models.BooleanField(
        default=False, help_text="Off: fixed questions and draws keep the order of the set."
    )
    shuffle_options = models.BooleanField(default=True)
    feedback_mode = models.CharField(
        max_length=10, choices=FeedbackMode.choices, default=FeedbackMode.DEFERRED
    )
    layout = models.CharField(max_length=3, choices=Layout.choices, default=Layout.ONE_PER_PAGE)
    review_timing = models.CharField(
        max_length=12, choices=ReviewTiming.choices, default=ReviewTiming.IMMEDIATELY
    )
    review_shows_key = models.BooleanField(default=True, help_text="Review shows right answers.")
    review_shows_feedback = models.BooleanField(
        default=True, help_text="Review shows feedback, facts and source passages."
    )
    pass_mark = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Percentage needed to pass; blank: no pass mark.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name_plural = "quizzes"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__isnull=True) | models.Q(pass_mark__lte=100),
                name="quizzes_quiz_pass_mark_percent",
            ),
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="quizzes_quiz_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("quizzes:quiz", args=[self.uid])

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "The quiz must close after it opens."
        if self.time_limit is not None and self.time_limit <= timedelta(0):
            errors["time_limit"] = "A time limit must be longer than zero; leave it blank for none."
        if self.grace_period is not None and self.grace_period < timedelta(0):
            errors["grace_period"] = "The grace period cannot be negative."
        if errors:
            raise ValidationError(errors)

    @property
    def is_practice(self) -> bool:
        return bool(self.practice_key)

    @property
    def is_immediate(self) -> bool:
        return self.feedback_mode == self.FeedbackMode.IMMEDIATE

    def is_open(self, now) -> bool:
        return (self.opens_at is None or self.opens_at <= now) and (
            self.closes_at is None or now < self.closes_at
        )

    def deadline_for(self, started_at):
        """When an attempt started at `started_at` must end: the time limit, capped by closing."""
        ends = [self.closes_at] if self.closes_at else []
        if self.time_limit:
            ends.append(started_at + self.time_limit)
        return min(ends) if ends else None

    def review_is_open(self, now) -> bool:
        if self.review_timing == self.ReviewTiming.NEVER:
            return False
        if self.review_timing == self.ReviewTiming.AFTER_CLOSE:
            return self.closes_at is not None and now >= self.closes_at
        return True
