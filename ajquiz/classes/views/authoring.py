"""Writing a question by hand into a set (every kind), and editing one."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ajquiz.classes.access import handwritten_question_for, question_set_for
from ajquiz.classes.authoring import FORMS, save_question
from ajquiz.classes.views.common import HtmxRequest, teacher_view
from ajquiz.questions.models import Question


def _form_page(request, question_set, form, *, question=None):
    context = {
        "question_set": question_set,
        "form": form,
        "kind_label": Question.Kind(form.kind).label,
        "question": question,
    }
    return render(request, "classes/write_question.html", context)


@teacher_view
@require_http_methods(["GET", "POST"])
def write(request: HtmxRequest, uid, kind: str):
    question_set = question_set_for(request.user, uid)
    if kind not in FORMS:
        raise Http404("No such kind of question.")
    form = FORMS[kind](request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        save_question(form, author=request.user, question_set=question_set)
        messages.success(request, "Question added at the end of the set.")
        return redirect("classes:set", question_set.uid)
    return _form_page(request, question_set, form)


@teacher_view
@require_http_methods(["GET", "POST"])
def rewrite(request: HtmxRequest, uid, question_uid):
    question_set = question_set_for(request.user, uid)
    question = handwritten_question_for(question_set, question_uid)
    form = FORMS[question.kind](request.POST or None, request.FILES or None, question=question)
    if request.method == "POST" and form.is_valid():
        saved = save_question(form, author=request.user, question_set=question_set)
        if saved.pk != question.pk:
            messages.success(
                request,
                "Saved as a new version: the old one stays as it was for the attempts that "
                "already answered it.",
            )
        else:
            messages.success(request, "Question saved.")
        return redirect("classes:set", question_set.uid)
    return _form_page(request, question_set, form, question=question)
