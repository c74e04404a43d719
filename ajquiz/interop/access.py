"""Who may use the import and export pages: teachers (and admins), each with their own imports."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import ImportBatch


def teacher_required(view):
    """Log-in first (redirect), then the teacher role (403 for students)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_teacher:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def batch_for(user, uid) -> ImportBatch:
    """The user's own import; another teacher's is a 404, as if it did not exist."""
    return get_object_or_404(ImportBatch, uid=uid, owner=user)
