from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_key


@login_required
def detail(request, uid):
    """A question with its key, for teachers and admins (students see questions in quizzes)."""
    if not request.user.is_teacher:
        raise PermissionDenied
    question = get_object_or_404(Question.objects.select_related("template"), uid=uid)
    facts = question.facts.select_related("source", "passage", "subject")
    return render(
        request,
        "questions/detail.html",
        {"question": question, "facts": facts, "key_text": describe_key(question)},
    )
