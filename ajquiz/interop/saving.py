"""Saving parsed questions: all of a file or none of it, in one transaction."""

from __future__ import annotations

from django.db import transaction

from ajquiz.questions.models import Question

from .checks import problems_of
from .formats import parse_file
from .models import ImportBatch, ImportedQuestion
from .parsed import ParsedQuestion, Problem


class ImportRefused(Exception):
    """The file has errors, or the batch was imported already: nothing was saved."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def save_questions(
    parsed: list[ParsedQuestion], *, author, batch: ImportBatch | None = None
) -> list[Question]:
    """Create hand-written questions (template=None, `author`) in one transaction.

    Three queries whatever the count: the questions, their provenance rows (bulk inserts return
    primary keys on SQLite 3.35+ and PostgreSQL), and the transaction itself.
    """
    problems = [Problem(item.line, reason) for item in parsed for reason in problems_of(item)]
    if problems:
        raise ImportRefused(problems)
    questions = []
    for item in parsed:
        question = Question(
            kind=item.kind,
            stem=item.stem,
            stem_html=item.stem_html,
            payload=item.payload,
            feedback=item.feedback,
            author=author,
            template=None,
        )
        question.content_hash = question.compute_content_hash()
        questions.append(question)
    with transaction.atomic():
        Question.objects.bulk_create(questions)
        if batch is not None:
            ImportedQuestion.objects.bulk_create(
                ImportedQuestion(
                    batch=batch,
                    question=question,
                    line=item.line,
                    title=item.title[:255],
                    category=item.category[:255],
                )
                for question, item in zip(questions, parsed, strict=True)
            )
    return questions


def confirm_import(batch_uid, *, owner, now) -> ImportBatch:
    """Import a previewed batch: parse its text again and save everything, or nothing.

    The batch row is locked first: two confirmations sent at once (a double click, two tabs)
    would otherwise both see "previewed" and create every question twice.
    """
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(uid=batch_uid, owner=owner)
        if batch.is_imported:
            return batch
        result = parse_file(batch.format, batch.text)
        if not result.ok:
            raise ImportRefused(result.errors)
        questions = save_questions(result.questions, author=owner, batch=batch)
        batch.state = ImportBatch.State.IMPORTED
        batch.imported_at = now
        batch.question_count = len(questions)
        batch.save(update_fields=["state", "imported_at", "question_count"])
    return batch


def record_upload(*, owner, file_format: str, file_name: str, text: str, now) -> ImportBatch:
    """Keep an uploaded file for its dry-run preview; nothing is imported yet."""
    return ImportBatch.objects.create(
        owner=owner, format=file_format, file_name=file_name[:255], text=text, created_at=now
    )
