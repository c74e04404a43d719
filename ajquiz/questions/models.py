"""Questions: generated from facts by templates, or written by a teacher.

A question row never changes once it is used: regeneration makes a new row and marks the old
one stale, so an attempt keeps the exact version its learner saw.

The `payload` holds what each kind needs (see questions/payload.py for the shapes).
"""

from __future__ import annotations

import hashlib
import json
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from ajquiz.content.models import Fact, QuestionTemplate

Kind = QuestionTemplate.Kind


class QuestionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_stale=False)

    def generated(self):
        return self.filter(template__isnull=False)

    def drawable(self):
        """The shared bank random draws pick from: current questions nobody wrote. A teacher's
        own questions (written or imported) reach students only through their own sets."""
        return self.filter(is_stale=False, author__isnull=True)

    def for_facts(self, facts):
        return self.filter(facts__in=facts).distinct()

    def visible_to(self, user):
        """Generated questions are everyone's; a hand-written one is its author's (and staff's)."""
        if user.is_staff:
            return self
        return self.filter(models.Q(template__isnull=False) | models.Q(author=user))


def question_image_path(question, filename):
    return f"questions/{question.uid}/{filename}"


class Question(models.Model):
    Kind = Kind

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=8, choices=Kind.choices, db_index=True)
    template = models.ForeignKey(
        QuestionTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text="Blank for hand-written questions.",
    )
    seed = models.PositiveIntegerField(default=0)
    generation_key = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text="Template, facts and seed of a generated question; blank when hand-written.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_questions",
    )
    stem = models.TextField(help_text="Plain text of the question.")
    stem_html = models.TextField(
        blank=True, help_text="Sanitised rich text of a hand-written stem (nh3); shown if set."
    )
    image = models.ImageField(upload_to=question_image_path, blank=True)
    image_alt = models.CharField(max_length=250, blank=True)
    payload = models.JSONField(default=dict)
    feedback = models.TextField(blank=True, help_text="General feedback shown after answering.")
    facts = models.ManyToManyField(Fact, related_name="questions", blank=True)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    facts_hash = models.CharField(
        max_length=64, blank=True, help_text="Hash of the facts' content when generated."
    )
    is_stale = models.BooleanField(
        default=False, help_text="Its facts changed since it was generated; not drawn any more."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        indexes = [
            # Random draws pick current questions of a kind from a template.
            models.Index(fields=["template", "kind", "is_stale"], name="questions_draw"),
            # The pool a quiz draws from (drawable()), read from the index alone: the rows
            # themselves are wide (stem, payload), and reading them took most of a quiz's
            # start on PostgreSQL. Its condition is drawable()'s whole filter, or PostgreSQL
            # reads every row to check the rest (pool query 5.2 to 2.2 ms).
            models.Index(
                fields=["id", "kind"],
                condition=models.Q(is_stale=False, author__isnull=True),
                name="questions_drawable_pool",
            ),
        ]

    def __str__(self):
        return self.stem[:80]

    def save(self, *args, **kwargs):
        self.content_hash = self.compute_content_hash()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.uid])

    def compute_content_hash(self) -> str:
        body = json.dumps(
            [self.kind, self.stem, self.stem_html, self.payload, self.feedback],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(body.encode()).hexdigest()

    @property
    def is_generated(self) -> bool:
        return self.template_id is not None
