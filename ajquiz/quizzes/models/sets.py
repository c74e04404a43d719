"""What a quiz asks: fixed questions and random draws, each at a position in the set."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.models import Question


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
