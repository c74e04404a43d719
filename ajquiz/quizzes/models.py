"""Question sets, quizzes, attempts and responses.

A QuestionSet says which questions a quiz asks: fixed questions and random draws, each at a
position. A Quiz adds the settings (times, attempts, grading, feedback, review). An Attempt
freezes, at its start, the questions it asks and the order of their options, so that the page,
the grading and the review all show what the learner saw, even if the bank changes later.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.models import Question
from ajquiz.quizzes import visibility
from ajquiz.quizzes.scoring import percentage


class QuestionSet(models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_sets",
        help_text="The teacher who builds it; blank for the built-in practice sets.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title


class SetQuestion(models.Model):
    """A fixed question of a set, at a position (shared with the set's draw rules)."""

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="fixed")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="set_entries")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question_set", "question"], name="quizzes_setquestion_once_per_set"
            ),
        ]

    def __str__(self):
        return f"{self.question_set} #{self.position}: {self.question}"


class DrawRule(models.Model):
    """ "`count` random questions on these topics / sources / facts, of these kinds".

    Empty filters do not restrict. A topic includes its subtopics. Each attempt draws anew
    (from its own seed), never repeating a question already in the attempt.
    """

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="draws")
    position = models.PositiveSmallIntegerField(default=0)
    count = models.PositiveSmallIntegerField(default=5, validators=[MaxValueValidator(100)])
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    sources = models.ManyToManyField(Source, blank=True, related_name="+")
    facts = models.ManyToManyField(Fact, blank=True, related_name="+")
    kinds = models.JSONField(
        default=list, blank=True, help_text='Question kinds to draw, e.g. ["mc", "tf"]; empty: any.'
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(count__gte=1), name="quizzes_draw_count_1"),
        ]

    def __str__(self):
        return f"{self.count} from {self.question_set}"

    def clean(self):
        allowed = set(Question.Kind.values)
        if not isinstance(self.kinds, list) or not set(self.kinds) <= allowed:
            raise ValidationError({"kinds": f"Choose kinds among {', '.join(sorted(allowed))}."})


def _filter_without_duplicates(queryset, allowed):
    """Rules added by other apps may join to many rows: apply them through a pk subquery."""
    if not visibility.has_extra_rules():
        return queryset.filter(allowed)
    return queryset.filter(pk__in=queryset.model.objects.filter(allowed).values("pk"))


class QuizQuerySet(models.QuerySet):
    def takeable_by(self, user):
        """Quizzes `user` may take: public ones, their own, all for admins, plus extra rules."""
        if user.is_staff:
            return self
        return _filter_without_duplicates(self, visibility.quiz_filter(user))


class AttemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Attempts `user` may read: their own, all for admins, plus rules registered by higher
        layers (the classes app lets a teacher see their students' attempts)."""
        if user.is_staff:
            return self
        return _filter_without_duplicates(self, visibility.attempt_filter(user))

    def of(self, user, quiz):
        return self.filter(user=user, quiz=quiz)

    def counted(self):
        """Attempts that count towards the quiz grade: finished ones."""
        return self.filter(state=Attempt.State.FINISHED)


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
