"""Item analysis reports: one quiz, or every question template pooled over a teacher's quizzes.

Which attempts: finished ones by the students the viewer may see (quizzes' visibility rules:
a teacher sees their students' attempts at quizzes assigned to their classes), never the
viewer's own (a teacher's preview). By default each student's first finished attempt only,
as Moodle does: later attempts build on the earlier ones and break the assumptions behind the
statistics; "all" treats every finished attempt as if a different student made it.

An unanswered slot of a finished attempt scores 0. Queries: the attempts, their responses and
their questions (3), whatever the number of attempts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

from ajquiz.classes.hints import item_hint
from ajquiz.classes.item_analysis import (
    ItemStats,
    QuizStats,
    item_stats,
    quiz_stats,
    sample_variance,
)
from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import Attempt, Quiz, Response


class Which(models.TextChoices):
    FIRST = "first", "Each student's first attempt"
    ALL = "all", "Every finished attempt"


@dataclass
class Marked:
    """One analysed attempt: its questions and marks, slot by slot."""

    attempt: Attempt
    questions: list[int]
    marks: list[float]

    @property
    def total(self) -> float:
        return sum(self.marks)


@dataclass
class ItemRow:
    question: Question
    position: float  # mean 1-based position where it was asked
    stats: ItemStats

    @property
    def hint(self) -> str:
        return item_hint(self.stats)


@dataclass
class QuizReport:
    quiz: Quiz
    which: str
    test: QuizStats
    items: list[ItemRow]
    consistency_note: str = ""


@dataclass
class TemplateRow:
    template: QuestionTemplate
    stats: ItemStats
    quizzes: set[int] = field(default_factory=set)

    @property
    def hint(self) -> str:
        return item_hint(self.stats)


def analysed_attempts(viewer, *, which: str, quizzes) -> list[Attempt]:
    attempts = (
        Attempt.objects.visible_to(viewer)
        .filter(quiz__in=quizzes, state=Attempt.State.FINISHED)
        .exclude(user=viewer)
        .order_by("quiz_id", "user_id", "number")
    )
    if which != Which.FIRST:
        return list(attempts)
    firsts: dict[tuple[int, int], Attempt] = {}
    for attempt in attempts:
        firsts.setdefault((attempt.quiz_id, attempt.user_id), attempt)
    return list(firsts.values())


def marked(attempts: list[Attempt]) -> list[Marked]:
    fractions = {
        (attempt_id, slot): fraction
        for attempt_id, slot, fraction in Response.objects.filter(attempt__in=attempts).values_list(
            "attempt_id", "slot", "fraction"
        )
    }
    return [
        Marked(
            attempt,
            [slot["question"] for slot in attempt.slots],
            [fractions.get((attempt.pk, index), 0.0) for index in range(len(attempt.slots))],
        )
        for attempt in attempts
    ]


def quiz_report(quiz: Quiz, viewer, *, which: str = Which.FIRST) -> QuizReport:
    rows = marked(analysed_attempts(viewer, which=which, quizzes=[quiz]))
    per_item: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        total = row.total
        for index, (question_id, mark) in enumerate(zip(row.questions, row.marks, strict=True)):
            item = per_item[question_id]
            item["marks"].append(mark)
            item["rests"].append(total - mark)
            item["positions"].append(index + 1)
    questions = Question.objects.select_related("template").in_bulk(list(per_item))
    items = [
        ItemRow(
            questions[question_id],
            sum(data["positions"]) / len(data["positions"]),
            item_stats(data["marks"], data["rests"]),
        )
        for question_id, data in per_item.items()
    ]
    items.sort(key=lambda item: (item.position, item.question.pk))
    variances, note = item_variances(rows, shuffled=quiz.shuffle_questions)
    max_total = max((len(row.marks) for row in rows), default=0)
    test = quiz_stats([row.total for row in rows], variances, max_total=max_total)
    return QuizReport(quiz, which, test, items, note)


def item_variances(rows: list[Marked], *, shuffled: bool) -> tuple[list[float] | None, str]:
    """The per-item mark variances behind Cronbach's alpha, and why there are none.

    Alpha needs the same p items in every attempt. With fixed questions the items are the
    questions; with random draws they are the positions (Moodle's "random question" slots),
    which only keep their meaning when the quiz does not shuffle its questions.
    """
    if not rows:
        return None, ""
    same_questions = len({frozenset(row.questions) for row in rows}) == 1
    if same_questions and len(set(rows[0].questions)) == len(rows[0].questions):
        by_question: dict[int, list[float]] = defaultdict(list)
        for row in rows:
            for question_id, mark in zip(row.questions, row.marks, strict=True):
                by_question[question_id].append(mark)
        return _variances(by_question.values()), ""
    if not shuffled and len({len(row.marks) for row in rows}) == 1:
        return _variances(zip(*(row.marks for row in rows), strict=True)), ""
    return None, (
        "Not computed: the attempts asked different questions in a shuffled order, so no "
        "question position means the same thing in every attempt."
    )


def _variances(columns) -> list[float]:
    return [sample_variance(list(column)) or 0.0 for column in columns]


def template_report(viewer, *, which: str = Which.FIRST) -> list[TemplateRow]:
    """Every template's questions pooled over the viewer's quizzes.

    Quizzes differ in length, so the rest of the test is taken as a share of the other slots'
    marks, (X - x) / (n - 1); within one quiz that is a linear rescaling, which leaves the
    discrimination index and efficiency exactly as in the quiz's own report. Attempts of a
    single question have no rest of test and are left out.
    """
    quizzes = Quiz.objects.filter(owner=viewer) if not viewer.is_staff else Quiz.objects.all()
    rows = marked(analysed_attempts(viewer, which=which, quizzes=quizzes))
    question_ids = {question_id for row in rows for question_id in row.questions}
    template_of = dict(
        Question.objects.filter(pk__in=question_ids, template__isnull=False).values_list(
            "pk", "template_id"
        )
    )
    pooled: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    quizzes_of: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        others = len(row.marks) - 1
        if others < 1:
            continue
        total = row.total
        for question_id, mark in zip(row.questions, row.marks, strict=True):
            template_id = template_of.get(question_id)
            if template_id is None:
                continue
            pooled[template_id]["marks"].append(mark)
            pooled[template_id]["rests"].append((total - mark) / others)
            quizzes_of[template_id].add(row.attempt.quiz_id)
    templates = QuestionTemplate.objects.in_bulk(list(pooled))
    report = [
        TemplateRow(templates[pk], item_stats(data["marks"], data["rests"]), quizzes_of[pk])
        for pk, data in pooled.items()
    ]
    report.sort(key=lambda row: (not row.stats.negative_discrimination, row.template.name))
    return report
