"""Item analysis as CSV (UTF-8 with BOM, see csv_export.py): the numbers of the page, with
the plain-language hint of each row."""

from __future__ import annotations

from ajquiz.classes.csv_export import csv_response
from ajquiz.classes.hints import cic_hint, error_ratio_hint


def number(value, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def quiz_report_csv(report, *, filename: str):
    test = report.test
    rows = [
        ["Quiz", report.quiz.title],
        ["Attempts analysed", test.attempts],
        ["Average grade (%)", number(test.mean)],
        ["Median grade (%)", number(test.median)],
        ["Standard deviation (%)", number(test.sd)],
        ["Coefficient of internal consistency (%)", number(test.cic), cic_hint(test.cic)],
        ["Error ratio (%)", number(test.error_ratio), error_ratio_hint(test.error_ratio)],
        ["Standard error (%)", number(test.standard_error)],
        [],
        [
            "Position",
            "Question",
            "Kind",
            "Template",
            "Attempts",
            "Facility index (%)",
            "Standard deviation (%)",
            "Discrimination index (%)",
            "Discriminative efficiency (%)",
            "Negative discrimination",
            "What it means",
        ],
    ]
    for item in report.items:
        question, stats = item.question, item.stats
        rows.append(
            [
                number(item.position, 1),
                question.stem,
                question.get_kind_display(),
                question.template.name if question.template_id else "Hand-written",
                stats.attempts,
                number(stats.facility),
                number(stats.sd),
                number(stats.discrimination_index),
                number(stats.discriminative_efficiency),
                "yes" if stats.negative_discrimination else "no",
                item.hint,
            ]
        )
    return csv_response(rows, filename=filename)


def template_report_csv(report, *, filename: str):
    rows = [
        [
            "Template",
            "Kind",
            "Quizzes",
            "Answers",
            "Facility index (%)",
            "Standard deviation (%)",
            "Discrimination index (%)",
            "Discriminative efficiency (%)",
            "Negative discrimination",
            "What it means",
        ]
    ]
    for row in report:
        stats = row.stats
        rows.append(
            [
                row.template.name,
                row.template.get_kind_display(),
                len(row.quizzes),
                stats.attempts,
                number(stats.facility),
                number(stats.sd),
                number(stats.discrimination_index),
                number(stats.discriminative_efficiency),
                "yes" if stats.negative_discrimination else "no",
                row.hint,
            ]
        )
    return csv_response(rows, filename=filename)
