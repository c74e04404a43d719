from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ajquiz.accounts.days import days_of
from ajquiz.progress.access import learner_for
from ajquiz.progress.dashboard import dashboard_for


@login_required
@require_GET
def dashboard(request):
    """The signed-in learner's own progress; there is no way to ask for anyone else's."""
    board = dashboard_for(request.user, now=timezone.now())
    return render(request, "progress/dashboard.html", {"board": board, "learner": request.user})


@login_required
@require_GET
def student(request, username):
    """A learner's progress as their teacher (or an admin) sees it."""
    learner = learner_for(request.user, username)
    with days_of(learner):  # the learner's today and streak, not the teacher's
        board = dashboard_for(learner, now=timezone.now())
    return render(request, "progress/dashboard.html", {"board": board, "learner": learner})
