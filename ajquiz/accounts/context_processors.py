from __future__ import annotations


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_teacher": False, "is_site_admin": False}
    return {"is_teacher": user.is_teacher, "is_site_admin": user.is_staff}
