"""A teacher's classes: the list (and a new class), one class with its join code, roster and
assignments, and the roster's actions."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ajquiz.classes import roster
from ajquiz.classes.access import classroom_for, membership_for
from ajquiz.classes.forms import AddStudentForm, AssignmentForm, ClassroomForm
from ajquiz.classes.join_codes import display_code
from ajquiz.classes.models import Classroom
from ajquiz.classes.views.common import HtmxRequest, now, teacher_view


@teacher_view
@require_http_methods(["GET", "POST"])
def classroom_list(request: HtmxRequest):
    form = ClassroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.teacher = request.user
        classroom = form.save()
        messages.success(request, f"Class “{classroom.name}” created. Give your students its code.")
        return redirect(classroom)
    classrooms = Classroom.objects.taught_by(request.user).annotate(
        students=Count("memberships", distinct=True), quizzes=Count("assignments", distinct=True)
    )
    return render(request, "classes/classroom_list.html", {"classrooms": classrooms, "form": form})


def classroom_page(request, classroom, *, assign_form=None, add_form=None, status=200):
    context = {
        "classroom": classroom,
        "code": display_code(classroom.join_code),
        "memberships": classroom.memberships.select_related("student"),
        "assignments": classroom.assignments.select_related("quiz", "deck"),
        "assign_form": assign_form or AssignmentForm(classroom=classroom, now=now()),
        "add_form": add_form or AddStudentForm(),
        "settings_form": ClassroomForm(instance=classroom),
    }
    return render(request, "classes/classroom.html", context, status=status)


@teacher_view
def classroom_detail(request: HtmxRequest, uid):
    return classroom_page(request, classroom_for(request.user, uid))


@teacher_view
@require_POST
def classroom_edit(request: HtmxRequest, uid):
    classroom = classroom_for(request.user, uid)
    form = ClassroomForm(request.POST, instance=classroom)
    if not form.is_valid():
        messages.error(request, "The class was not saved: " + " ".join(form.errors.get("name", [])))
        return redirect(classroom)
    form.save()
    messages.success(request, "Class settings saved.")
    return redirect(classroom)


@teacher_view
@require_POST
def new_code(request: HtmxRequest, uid):
    classroom = classroom_for(request.user, uid)
    code = roster.renew_code(classroom)
    messages.success(request, f"New join code: {display_code(code)}. The old code no longer works.")
    return redirect(classroom)


@teacher_view
@require_POST
def add_student(request: HtmxRequest, uid):
    classroom = classroom_for(request.user, uid)
    form = AddStudentForm(request.POST)
    if not form.is_valid():
        return classroom_page(request, classroom, add_form=form)
    _, created = roster.enrol(classroom, form.user, now=now())
    if created:
        messages.success(request, f"{form.user.username} is now in the class.")
    else:
        messages.info(request, f"{form.user.username} was already in the class.")
    return redirect(classroom)


@teacher_view
@require_POST
def remove_student(request: HtmxRequest, uid, membership_uid):
    classroom = classroom_for(request.user, uid)
    membership = membership_for(classroom, membership_uid)
    roster.remove(membership)
    messages.success(
        request,
        f"{membership.student.username} was removed from the class. Their attempts are kept; "
        "adding them again shows their results again.",
    )
    return redirect(classroom)
