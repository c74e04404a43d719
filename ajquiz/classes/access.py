"""Who may see what in classes. Every helper raises 404 for anyone else's rows, so a stranger
cannot even learn that a class, set or assignment exists.

- A teacher sees only the classes they teach, the sets and quizzes they own, and (through
  quizzes.visibility, registered in apps.py) their students' attempts at quizzes assigned to
  those students' classes.
- A student sees only their own memberships; their attempts stay theirs (quizzes.access).
- Teacher pages refuse non-teachers with 403 (the page exists, but not for them).
"""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ajquiz.classes.models import Assignment, Classroom, Membership
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import QuestionSet, Quiz


def teacher_required(view):
    """For views behind login_required: only teachers (and admins) may use them."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_teacher:
            raise PermissionDenied("Only teachers can use this page.")
        return view(request, *args, **kwargs)

    return wrapper


def classroom_for(user, uid) -> Classroom:
    return get_object_or_404(Classroom.objects.taught_by(user), uid=uid)


def membership_for(classroom: Classroom, uid) -> Membership:
    return get_object_or_404(classroom.memberships.select_related("student"), uid=uid)


def own_membership_for(user, classroom_uid) -> Membership:
    """A student's own place in a class (to leave it)."""
    return get_object_or_404(
        Membership.objects.select_related("classroom"), student=user, classroom__uid=classroom_uid
    )


def assignment_for(user, uid) -> Assignment:
    return get_object_or_404(
        Assignment.objects.set_by(user).select_related("classroom", "quiz__question_set"), uid=uid
    )


def question_set_for(user, uid) -> QuestionSet:
    return get_object_or_404(QuestionSet.objects.filter(owner=user), uid=uid)


def owned_quiz_for(user, uid) -> Quiz:
    return get_object_or_404(
        Quiz.objects.filter(owner=user).select_related("question_set"), uid=uid
    )


def handwritten_question_for(question_set: QuestionSet, uid) -> Question:
    """A hand-written question that is a fixed question of the set (to edit it there)."""
    return get_object_or_404(
        Question.objects.filter(template__isnull=True, set_entries__question_set=question_set),
        uid=uid,
    )
