"""Assignments: assigning a quiz to a class, its page (due date, every student's standing),
one student's work with their extension, and the class's study deck."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ajquiz.classes import roster
from ajquiz.classes.access import assignment_for, classroom_for, membership_for
from ajquiz.classes.forms import AssignmentForm, DueDateForm, ExtensionForm
from ajquiz.classes.gradebook import gradebook_for, standing_for
from ajquiz.classes.models import Extension
from ajquiz.classes.views.classrooms import classroom_page
from ajquiz.classes.views.common import HtmxRequest, now, teacher_view


@teacher_view
@require_POST
def assign(request: HtmxRequest, uid):
    classroom = classroom_for(request.user, uid)
    form = AssignmentForm(request.POST, classroom=classroom, now=now())
    if not form.is_valid():
        return classroom_page(request, classroom, assign_form=form)
    assignment = form.save()
    messages.success(request, f"“{assignment.quiz.title}” is assigned to {classroom.name}.")
    return redirect(classroom)


@teacher_view
@require_http_methods(["GET", "POST"])
def assignment_detail(request: HtmxRequest, uid):
    assignment = assignment_for(request.user, uid)
    classroom = assignment.classroom
    form = DueDateForm(request.POST or None, instance=assignment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Due date saved.")
        return redirect(assignment)
    book = gradebook_for(classroom, now=now(), only=assignment)
    context = {"assignment": assignment, "classroom": classroom, "form": form, "book": book}
    return render(request, "classes/assignment.html", context)


@teacher_view
@require_POST
def unassign(request: HtmxRequest, uid):
    assignment = assignment_for(request.user, uid)
    classroom = assignment.classroom
    assignment.delete()
    messages.success(
        request,
        f"“{assignment.quiz.title}” is no longer assigned to {classroom.name}. Attempts already "
        "made are kept.",
    )
    return redirect(classroom)


@teacher_view
@require_http_methods(["GET", "POST"])
def student_work(request: HtmxRequest, uid, membership_uid):
    """One student's attempts at an assignment (each with its review) and their extension."""
    assignment = assignment_for(request.user, uid)
    membership = membership_for(assignment.classroom, membership_uid)
    extension = Extension.objects.filter(
        assignment=assignment, student=membership.student
    ).first() or Extension(assignment=assignment, student=membership.student)
    form = ExtensionForm(request.POST or None, instance=extension, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Extension saved for {membership.student.username}.")
        return redirect("classes:student_work", assignment.uid, membership.uid)
    context = {
        "assignment": assignment,
        "membership": membership,
        "standing": standing_for(assignment, membership.student, now=now()),
        "extension": extension if extension.pk else None,
        "form": form,
    }
    return render(request, "classes/student_work.html", context)


@teacher_view
@require_POST
def remove_extension(request: HtmxRequest, uid, membership_uid):
    assignment = assignment_for(request.user, uid)
    membership = membership_for(assignment.classroom, membership_uid)
    Extension.objects.filter(assignment=assignment, student=membership.student).delete()
    messages.success(request, f"{membership.student.username} is due with the class again.")
    return redirect("classes:student_work", assignment.uid, membership.uid)


@teacher_view
@require_POST
def make_deck(request: HtmxRequest, uid):
    assignment = assignment_for(request.user, uid)
    deck, added = roster.share_deck(assignment)
    messages.success(
        request,
        f"Study deck “{deck.name}” ({deck.facts.count()} facts) is on the study list of "
        f"{added} more student{'s' if added != 1 else ''}; new students get it when they join.",
    )
    return redirect(assignment)
