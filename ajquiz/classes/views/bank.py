"""The generated-question preview of the builder: filter the bank, read each question with its
key and fact, and add it to the set as a fixed question (htmx, or a plain form)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from ajquiz.classes import builder
from ajquiz.classes.access import question_set_for
from ajquiz.classes.set_forms import BankFilterForm
from ajquiz.classes.views.common import HtmxRequest, teacher_view
from ajquiz.questions.models import Question
from ajquiz.questions.payload import describe_key

PAGE_SIZE = 20


@teacher_view
@require_GET
def bank(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    form = BankFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    questions = builder.generated_questions(
        topic=filters.get("topic"),
        source=filters.get("source"),
        kind=filters.get("kind", ""),
        words=filters.get("q", ""),
    )
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "question_set": question_set,
        "form": form,
        "page": page,
        "rows": [(question, describe_key(question)) for question in page.object_list],
        "in_set": set(question_set.fixed.values_list("question_id", flat=True)),
        "query": query.urlencode(),
    }
    return render(request, "classes/bank.html", context)


@teacher_view
@require_POST
@vary_on_headers("HX-Request")
def add_question(request: HtmxRequest, uid):
    question_set = question_set_for(request.user, uid)
    question = get_object_or_404(
        Question.objects.current().visible_to(request.user), uid=request.POST.get("question")
    )
    try:
        builder.add_fixed(question_set, question)
        message = "Added to the set."
    except builder.AlreadyInSet:
        message = "Already in the set."
    if request.htmx:
        context = {"question": question, "message": message}
        return render(request, "classes/partials/_bank_added.html", context)
    messages.success(request, message)
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("classes:bank", question_set.uid)
