"""Who may do what with quizzes and attempts. Each helper raises 404 for anyone else, so a
stranger cannot even learn that an attempt exists.

Reading an attempt (review, result) follows Attempt.objects.visible_to(): its owner, admins,
and whoever a higher layer allows through quizzes.visibility (the classes app adds "the
learner's teacher"). Changing an attempt (answering, finishing, abandoning) is for its owner
only, whoever else may read it.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ajquiz.quizzes.models import Attempt, Quiz


def quiz_for(user, uid) -> Quiz:
    """A quiz `user` may take or look at."""
    return get_object_or_404(Quiz.objects.takeable_by(user).select_related("question_set"), uid=uid)


def attempt_for(user, uid) -> Attempt:
    """An attempt `user` may read: its learner, an admin, or a viewer a rule allows."""
    return get_object_or_404(
        Attempt.objects.visible_to(user).select_related("quiz", "user"), uid=uid
    )


def own_attempt_for(user, uid) -> Attempt:
    """An attempt `user` may change: only the learner who made it."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), uid=uid, user=user)
