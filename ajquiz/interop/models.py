"""Imports kept between upload, dry-run preview and confirmation, and where questions came from."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportBatch(models.Model):
    """One uploaded file: previewed (parsed, nothing saved) until its owner confirms it."""

    class Format(models.TextChoices):
        GIFT = "gift", "GIFT"
        MOODLE_XML = "moodle_xml", "Moodle XML"
        AIKEN = "aiken", "Aiken"
        CSV = "csv", "CSV (ajquiz columns)"

    class State(models.TextChoices):
        PREVIEWED = "previewed", "Previewed, not imported"
        IMPORTED = "imported", "Imported"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    format = models.CharField(max_length=12, choices=Format.choices)
    file_name = models.CharField(max_length=255)
    text = models.TextField(help_text="The uploaded file, decoded as UTF-8.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PREVIEWED)
    question_count = models.PositiveIntegerField(
        default=0, help_text="Questions created when the import was confirmed."
    )
    created_at = models.DateTimeField()
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The import page lists a teacher's recent imports, newest first.
            models.Index(fields=["owner", "-created_at"], name="interop_batch_owner_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="previewed", imported_at__isnull=True)
                | models.Q(state="imported", imported_at__isnull=False),
                name="interop_batch_imported_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.get_format_display()} import of {self.file_name}"

    def get_absolute_url(self):
        return reverse("interop:preview", args=[self.uid])

    @property
    def is_imported(self) -> bool:
        return self.state == self.State.IMPORTED


class ImportedQuestion(models.Model):
    """Where an imported question came from: its batch, line, and the title and category the
    file gave it (ajquiz questions have neither), so an export can give them back."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    question = models.OneToOneField(
        "questions.Question", on_delete=models.CASCADE, related_name="import_origin"
    )
    line = models.PositiveIntegerField()
    title = models.CharField(max_length=255, blank=True)
    category = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["batch", "line"]

    def __str__(self):
        return f"{self.batch.file_name}, line {self.line}"
