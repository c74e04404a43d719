from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from ajquiz.content.models import QuestionTemplate
from ajquiz.questions.bank import fact_groups
from ajquiz.questions.generate import build
from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_key
from ajquiz.questions.store import FactStore

PREVIEW_SIZE = 10


def _teachers_only(request):
    if not request.user.is_teacher:
        raise PermissionDenied


@login_required
def template_preview(request, slug):
    """About ten questions a template makes from the current facts, with keys and evidence."""
    _teachers_only(request)
    template = get_object_or_404(QuestionTemplate, slug=slug)
    store = FactStore.load()
    groups = fact_groups(template, store)
    drafts = [
        draft for group in groups[: PREVIEW_SIZE * 3] if (draft := build(template, group, store, 0))
    ]
    return render(
        request,
        "questions/template_preview.html",
        {"template": template, "drafts": drafts[:PREVIEW_SIZE], "group_count": len(groups)},
    )


@login_required
def detail(request, uid):
    """A question with its key, for teachers and admins (students see questions in quizzes)."""
    _teachers_only(request)
    question = get_object_or_404(Question.objects.visible_to(request.user), uid=uid)
    facts = question.facts.select_related("source", "passage", "subject")
    return render(
        request,
        "questions/detail.html",
        {"question": question, "facts": facts, "key_text": describe_key(question)},
    )
