"""A quiz's settings: times, attempts, grading, feedback, layout, review, pass mark."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ajquiz.classes.access import owned_quiz_for
from ajquiz.classes.set_forms import QuizSettingsForm
from ajquiz.classes.views.common import HtmxRequest, teacher_view


@teacher_view
@require_http_methods(["GET", "POST"])
def quiz_settings(request: HtmxRequest, uid):
    quiz = owned_quiz_for(request.user, uid)
    form = QuizSettingsForm(request.POST or None, instance=quiz)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Settings of “{quiz.title}” saved.")
        return redirect("classes:set", quiz.question_set.uid)
    context = {"quiz": quiz, "form": form, "question_set": quiz.question_set}
    return render(request, "classes/quiz_settings.html", context)
