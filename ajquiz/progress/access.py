from __future__ import annotations

from django.shortcuts import get_object_or_404

from ajquiz.progress.visibility import learners_visible_to


def learner_for(viewer, username):
    """The learner whose progress `viewer` may read; 404 for anyone else."""
    return get_object_or_404(learners_visible_to(viewer), username=username)
