"""Item analysis: one quiz (on the page and as CSV), and question templates pooled over the
teacher's quizzes."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from ajquiz.classes.access import owned_quiz_for
from ajquiz.classes.analysis import Which, quiz_report, template_report
from ajquiz.classes.analysis_export import quiz_report_csv, template_report_csv
from ajquiz.classes.hints import cic_hint, error_ratio_hint
from ajquiz.classes.views.common import HtmxRequest, now, teacher_view


def _which(request) -> str:
    return (
        request.GET.get("attempts") if request.GET.get("attempts") in Which.values else Which.FIRST
    )


@teacher_view
@require_GET
def quiz_analysis(request: HtmxRequest, uid):
    quiz = owned_quiz_for(request.user, uid)
    report = quiz_report(quiz, request.user, which=_which(request))
    context = {
        "quiz": quiz,
        "report": report,
        "which_choices": Which.choices,
        "cic_hint": cic_hint(report.test.cic),
        "error_ratio_hint": error_ratio_hint(report.test.error_ratio),
    }
    return render(request, "classes/quiz_analysis.html", context)


@teacher_view
@require_GET
def quiz_analysis_download(request: HtmxRequest, uid):
    quiz = owned_quiz_for(request.user, uid)
    report = quiz_report(quiz, request.user, which=_which(request))
    name = slugify(quiz.title) or "quiz"
    return quiz_report_csv(report, filename=f"item-analysis-{name}-{now():%Y-%m-%d}.csv")


@teacher_view
@require_GET
def template_analysis(request: HtmxRequest):
    which = _which(request)
    rows = template_report(request.user, which=which)
    context = {
        "rows": rows,
        "which": which,
        "which_choices": Which.choices,
        "flagged": sum(1 for row in rows if row.stats.negative_discrimination),
    }
    return render(request, "classes/template_analysis.html", context)


@teacher_view
@require_GET
def template_analysis_download(request: HtmxRequest):
    rows = template_report(request.user, which=_which(request))
    return template_report_csv(rows, filename=f"template-analysis-{now():%Y-%m-%d}.csv")
