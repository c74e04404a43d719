"""The gradebook of a class, on the page and as CSV."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from ajquiz.classes.access import classroom_for
from ajquiz.classes.gradebook import gradebook_csv, gradebook_for
from ajquiz.classes.views.common import HtmxRequest, now, teacher_view


@teacher_view
@require_GET
def gradebook(request: HtmxRequest, uid):
    book = gradebook_for(classroom_for(request.user, uid), now=now())
    return render(request, "classes/gradebook.html", {"book": book, "classroom": book.classroom})


@teacher_view
@require_GET
def gradebook_download(request: HtmxRequest, uid):
    classroom = classroom_for(request.user, uid)
    book = gradebook_for(classroom, now=now())
    name = slugify(classroom.name) or "class"
    return gradebook_csv(book, filename=f"gradebook-{name}-{now():%Y-%m-%d}.csv")
