"""Preview a set as a student sees it: one random draw, in the quiz's order, with the real
answer inputs (nothing is saved), and the right answers folded away for the teacher."""

from __future__ import annotations

import secrets
from types import SimpleNamespace

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ajquiz.classes.access import question_set_for
from ajquiz.classes.views.common import HtmxRequest, teacher_view
from ajquiz.quizzes.assembly import assemble_slots
from ajquiz.quizzes.display import slot_views
from ajquiz.quizzes.models import Quiz


def _seed(raw: str | None) -> int:
    try:
        return max(0, min(int(raw or ""), 2**31 - 1))
    except ValueError:
        return secrets.randbelow(2**31)


@teacher_view
@require_GET
def preview(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    quiz = Quiz.objects.filter(question_set=question_set, owner=request.user).first()
    seed = _seed(request.GET.get("seed"))
    slots = assemble_slots(
        question_set,
        seed=seed,
        shuffle_questions=quiz.shuffle_questions if quiz else False,
        shuffle_options=quiz.shuffle_options if quiz else True,
    )
    frozen = SimpleNamespace(slots=slots)  # slot_views reads only .slots
    context = {
        "question_set": question_set,
        "quiz": quiz,
        "seed": seed,
        "next_seed": secrets.randbelow(2**31),
        "slots": slot_views(frozen, range(len(slots)), responses={}, with_facts=False),
    }
    return render(request, "classes/preview.html", context)
