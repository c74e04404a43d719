"""A student's side: their classes and assignments, joining by code, leaving."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ajquiz.classes import roster
from ajquiz.classes.access import own_membership_for
from ajquiz.classes.assigned import assigned_to
from ajquiz.classes.forms import JoinForm
from ajquiz.classes.models import Membership
from ajquiz.classes.views.common import HtmxRequest, now


@login_required
@require_GET
def my_classes(request: HtmxRequest):
    context = {
        "memberships": Membership.objects.filter(student=request.user).select_related(
            "classroom__teacher"
        ),
        "assigned": assigned_to(request.user, now=now()),
        "form": JoinForm(),
    }
    return render(request, "classes/my_classes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HtmxRequest):
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership, created = roster.join_by_code(
                request.user, form.cleaned_data["code"], now=now()
            )
        except roster.CannotJoin as reason:
            form.add_error("code", str(reason))
        else:
            name = membership.classroom.name
            if created:
                messages.success(request, f"You joined {name}. Its assignments are listed below.")
            else:
                messages.info(request, f"You are already in {name}.")
            return redirect("classes:mine")
    return render(request, "classes/join.html", {"form": form})


@login_required
@require_POST
def leave(request: HtmxRequest, uid):
    membership = own_membership_for(request.user, uid)
    roster.remove(membership)
    messages.success(request, f"You left {membership.classroom.name}.")
    return redirect("classes:mine")
