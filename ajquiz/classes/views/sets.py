"""The question-set builder: a teacher's sets, one set's entries (reorder, remove), random
draws, and the set's quizzes. Adding generated questions is in views/bank.py, writing
questions in views/authoring.py."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from ajquiz.classes import builder
from ajquiz.classes.access import question_set_for
from ajquiz.classes.set_forms import DrawFilterForm, DrawRuleForm, QuestionSetForm
from ajquiz.classes.views.common import HtmxRequest, teacher_view
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import QuestionSet, Quiz

MOVES = {"up": -1, "down": 1}


@teacher_view
@require_http_methods(["GET", "POST"])
def set_list(request: HtmxRequest):
    form = QuestionSetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question_set, _ = builder.new_set(owner=request.user, **form.cleaned_data)
        messages.success(request, f"Set “{question_set.title}” created: now add questions.")
        return redirect("classes:set", question_set.uid)
    sets = QuestionSet.objects.filter(owner=request.user).annotate(
        fixed_count=Count("fixed", distinct=True), draw_count=Count("draws", distinct=True)
    )
    return render(request, "classes/set_list.html", {"sets": sets, "form": form})


def _builder_context(
    question_set, *, form=None, focus: str = "", moved: str = "", entries=None
) -> dict:
    entries = builder.entries_of(question_set) if entries is None else entries
    return {
        "question_set": question_set,
        "entries": entries,
        "total": sum(entry.question_count for entry in entries),
        "quizzes": Quiz.objects.filter(question_set=question_set, owner=question_set.owner),
        "form": form or QuestionSetForm(instance=question_set),
        "kinds": Question.Kind.choices,
        "focus": focus,
        "moved": moved,
    }


@teacher_view
@require_GET
def set_detail(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    return render(request, "classes/set_detail.html", _builder_context(question_set))


@teacher_view
@require_POST
def set_edit(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    old_title = question_set.title
    form = QuestionSetForm(request.POST, instance=question_set)
    if not form.is_valid():
        question_set.title = old_title
        return render(request, "classes/set_detail.html", _builder_context(question_set, form=form))
    form.save()
    # Quizzes still named after the set follow its new title.
    Quiz.objects.filter(question_set=question_set, title=old_title).update(title=question_set.title)
    messages.success(request, "Title and description saved.")
    return redirect("classes:set", question_set.uid)


def _entries_response(request, question_set, *, message: str, entries=None, **marks):
    """htmx: the entries list with focus on the moved entry and the change announced."""
    if not request.htmx:
        messages.success(request, message)
        return redirect("classes:set", question_set.uid)
    context = _builder_context(question_set, entries=entries, **marks)
    context["status"] = message
    return render(request, "classes/partials/_entries.html", context)


def _after_move(entries, token: str, direction: str) -> tuple[str, str]:
    """(message, id to focus): "Moved up: now 2 of 5", focus on the same button unless the
    entry reached that end (its button is then disabled: focus the other one)."""
    tokens = [entry.token for entry in entries]
    if token not in tokens or len(tokens) < 2:
        return "Nothing to move.", "entries-heading"
    index = tokens.index(token)
    at_end = index == 0 if direction == "up" else index == len(tokens) - 1
    other = "down" if direction == "up" else "up"
    message = f"Moved {direction}: now {index + 1} of {len(tokens)}."
    return message, f"{other if at_end else direction}-{token}"


@teacher_view
@require_POST
@vary_on_headers("HX-Request")
def move_entry(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    token, direction = request.POST.get("entry", ""), request.POST.get("direction", "")
    if direction not in MOVES:
        direction = "down"
    builder.move(question_set, token, MOVES[direction])
    entries = builder.entries_of(question_set)
    message, focus = _after_move(entries, token, direction)
    return _entries_response(
        request, question_set, message=message, entries=entries, focus=focus, moved=token
    )


@teacher_view
@require_POST
@vary_on_headers("HX-Request")
def remove_entry(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    removed = builder.remove(question_set, request.POST.get("entry", ""))
    message = "Removed from the set." if removed else "That entry was already gone."
    return _entries_response(request, question_set, message=message, focus="entries-heading")


@teacher_view
@require_http_methods(["GET", "POST"])
def add_draw(request: HtmxRequest, uid):
    """A random draw. "Find facts" resubmits the form by GET to list facts to tick."""
    question_set = question_set_for(request.user, uid)
    data = request.POST or request.GET.copy() or None
    if request.method == "GET" and data is not None:
        data.setdefault("count", "5")
    form = DrawRuleForm(data)
    if request.method == "POST" and form.is_valid():
        builder.add_draw(question_set, count=form.cleaned_data["count"], **form.filters())
        messages.success(request, f"Added a draw of {form.cleaned_data['count']} questions.")
        return redirect("classes:set", question_set.uid)
    facts = form.fact_choices()
    if request.method == "GET":
        form.errors.clear()  # a fact search is not a submission: no errors to show yet
    chosen = {fact.slug for fact in (getattr(form, "cleaned_data", {}).get("facts") or [])}
    context = {"question_set": question_set, "form": form, "facts": facts, "chosen": chosen}
    return render(request, "classes/add_draw.html", context)


@teacher_view
@require_GET
@vary_on_headers("HX-Request")
def draw_count(request: HtmxRequest, uid):
    """How many questions a draw with the ticked filters could pick (htmx, live)."""
    question_set = question_set_for(request.user, uid)
    form = DrawFilterForm(request.GET)
    count = builder.matching_questions(**form.filters()).count() if form.is_valid() else None
    template = "classes/partials/_draw_count.html"
    if not request.htmx:
        return redirect("classes:add_draw", question_set.uid)
    return render(request, template, {"count": count})


@teacher_view
@require_POST
def new_quiz(request: HtmxRequest, uid):
    """Another quiz of the same set, for example with other settings for another class."""
    question_set = question_set_for(request.user, uid)
    number = Quiz.objects.filter(question_set=question_set).count() + 1
    title = question_set.title if number == 1 else f"{question_set.title} ({number})"
    quiz = Quiz.objects.create(
        owner=request.user, question_set=question_set, title=title, is_public=False
    )
    messages.success(request, f"Quiz “{quiz.title}” made: check its settings.")
    return redirect("classes:quiz_settings", quiz.uid)
