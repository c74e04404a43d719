"""Teacher pages: upload, dry-run preview, confirm; export downloads."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from .access import batch_for, teacher_required
from .exports import NothingToExport, anki_file, facts_file, question_file, responses_file
from .formats import parse_file
from .forms import (
    DeckExportForm,
    FactExportForm,
    QuestionExportForm,
    ResponseExportForm,
    UploadForm,
)
from .models import ImportBatch
from .preview import preview_row
from .saving import ImportRefused, confirm_import, record_upload

PREVIEW_ROWS = 200


def _index(request, *, status=200, **forms):
    """The page; `?scope=set:<uuid>` (a link from a set or deck page) preselects the exports."""
    user = request.user
    initial = {"scope": request.GET.get("scope", "")}
    context = {
        "upload_form": forms.get("upload_form") or UploadForm(),
        "question_form": forms.get("question_form")
        or QuestionExportForm(user=user, initial=initial),
        "deck_form": forms.get("deck_form") or DeckExportForm(user=user, initial=initial),
        "fact_form": forms.get("fact_form") or FactExportForm(user=user, initial=initial),
        "response_form": forms.get("response_form") or ResponseExportForm(user=user),
        "batches": ImportBatch.objects.filter(owner=user).defer("text")[:10],
    }
    return render(request, "interop/index.html", context, status=status)


@require_GET
@teacher_required
def index(request):
    return _index(request)


@require_POST
@teacher_required
@vary_on_headers("HX-Request")
def upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        if request.htmx:
            return render(request, "interop/partials/_upload_form.html", {"upload_form": form})
        return _index(request, upload_form=form)
    batch = record_upload(
        owner=request.user,
        file_format=form.cleaned_data["format"],
        file_name=form.cleaned_data["file"].name,
        text=form.cleaned_data["text"],
        now=timezone.now(),
    )
    if request.htmx:
        return HttpResponseClientRedirect(batch.get_absolute_url())
    return redirect(batch)


@require_GET
@teacher_required
def preview(request, uid):
    batch = batch_for(request.user, uid)
    result = None if batch.is_imported else parse_file(batch.format, batch.text)
    return render(request, "interop/preview.html", _preview_context(batch, result))


def _preview_context(batch, result, errors=None):
    context = {"batch": batch, "result": result, "size": len(batch.text.encode())}
    if result is None:
        items = batch.items.select_related("question")[:PREVIEW_ROWS]
        context["rows"] = [preview_row(item.question, item) for item in items]
        context["hidden_rows"] = max(batch.question_count - PREVIEW_ROWS, 0)
        return context
    context["rows"] = [preview_row(question) for question in result.questions[:PREVIEW_ROWS]]
    context["hidden_rows"] = max(len(result.questions) - PREVIEW_ROWS, 0)
    context["errors"] = errors if errors is not None else result.errors
    return context


@require_POST
@teacher_required
@vary_on_headers("HX-Request")
def confirm(request, uid):
    batch = batch_for(request.user, uid)
    try:
        batch = confirm_import(batch.uid, owner=request.user, now=timezone.now())
    except ImportRefused as refused:
        context = _preview_context(batch, parse_file(batch.format, batch.text), refused.problems)
        template = "interop/partials/_confirm.html" if request.htmx else "interop/preview.html"
        return render(request, template, context)
    if request.htmx:
        return render(request, "interop/partials/_confirm.html", {"batch": batch, "focus": True})
    messages.success(request, f"Imported {batch.question_count} questions from {batch.file_name}.")
    return redirect(batch)


def _download(download) -> HttpResponse:
    response = HttpResponse(download.body, content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.file_name}"'
    return response


@require_GET
@teacher_required
def export_questions(request):
    form = QuestionExportForm(request.GET, user=request.user)
    if form.is_valid():
        scope = form.cleaned_data["scope_object"]
        try:
            file = question_file(scope, user=request.user, file_format=form.cleaned_data["format"])
            return _download(file)
        except NothingToExport as empty:
            form.add_error("scope", str(empty))
    return _index(request, question_form=form, status=400)


@require_GET
@teacher_required
def export_anki(request):
    form = DeckExportForm(request.GET, user=request.user)
    if form.is_valid():
        scope = form.cleaned_data["scope_object"]
        base_url = request.build_absolute_uri("/")
        try:
            return _download(anki_file(scope, now=timezone.now(), base_url=base_url))
        except NothingToExport as empty:
            form.add_error("scope", str(empty))
    return _index(request, deck_form=form, status=400)


@require_GET
@teacher_required
def export_facts(request):
    form = FactExportForm(request.GET, user=request.user)
    if form.is_valid():
        try:
            return _download(facts_file(form.cleaned_data["scope_object"]))
        except NothingToExport as empty:
            form.add_error("scope", str(empty))
    return _index(request, fact_form=form, status=400)


@require_GET
@teacher_required
def export_responses(request):
    """Responses to one of the teacher's own quizzes (the form only offers those)."""
    form = ResponseExportForm(request.GET, user=request.user)
    if form.is_valid():
        try:
            return _download(responses_file(form.cleaned_data["quiz_object"]))
        except NothingToExport as empty:
            form.add_error("quiz", str(empty))
    return _index(request, response_form=form, status=400)
