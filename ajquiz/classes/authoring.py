"""Saving a hand-written question into a set, with its image prepared for the page.

A question already answered in an attempt, or used by another set, is never changed in place
(an attempt must keep showing what its learner saw): editing it saves a new version that takes
its place in this set. An unused question is simply updated.

Images are opened with Pillow (the form's ImageField has already checked that Pillow can read
them), turned upright from their EXIF orientation, scaled down to IMAGE_MAX_SIDE and saved
again, which also drops their metadata (a phone photo's GPS position, for one).
"""

from __future__ import annotations

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from ajquiz.classes import builder
from ajquiz.classes.question_forms import (
    ClozeForm,
    NumericForm,
    QuestionForm,
    ShortAnswerForm,
    TrueFalseForm,
)
from ajquiz.classes.row_question_forms import (
    ChoiceForm,
    MatchingForm,
    MultipleResponseForm,
    OrderingForm,
)
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import QuestionSet

Kind = Question.Kind
IMAGE_MAX_SIDE = 1200
FORMS: dict[str, type[QuestionForm]] = {
    Kind.MULTIPLE_CHOICE: ChoiceForm,
    Kind.MULTIPLE_RESPONSE: MultipleResponseForm,
    Kind.TRUE_FALSE: TrueFalseForm,
    Kind.SHORT_ANSWER: ShortAnswerForm,
    Kind.NUMERIC: NumericForm,
    Kind.CLOZE: ClozeForm,
    Kind.MATCHING: MatchingForm,
    Kind.ORDERING: OrderingForm,
}


def prepared_image(upload) -> tuple[str, ContentFile]:
    """(file name, content) of an upload re-encoded at most IMAGE_MAX_SIDE pixels wide or high:
    PNG where there is transparency or the source was PNG or GIF, JPEG otherwise."""
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)
        image.thumbnail((IMAGE_MAX_SIDE, IMAGE_MAX_SIDE))
        keeps_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        as_png = keeps_alpha or original.format in ("PNG", "GIF")
        buffer = io.BytesIO()
        if as_png:
            image.convert("RGBA" if keeps_alpha else "RGB").save(buffer, "PNG", optimize=True)
        else:
            image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
    stem = Path(upload.name).stem[:60] or "image"
    return f"{stem}.{'png' if as_png else 'jpg'}", ContentFile(buffer.getvalue())


def is_in_use(question: Question, question_set: QuestionSet) -> bool:
    """Answered in some attempt, or part of another set: it must stay as it is."""
    return (
        question.responses.exists()
        or question.set_entries.exclude(question_set=question_set).exists()
    )


def save_question(form: QuestionForm, *, author, question_set: QuestionSet) -> Question:
    """Create the form's question as a fixed question at the end of the set, or save an edit
    (a new version in its place when the old one is in use)."""
    data = form.cleaned_data
    old = form.question
    with transaction.atomic():
        if old is None or is_in_use(old, question_set):
            question = Question(kind=form.kind, author=author, template=None)
        else:
            question = old
        question.stem = data["stem"]
        question.stem_html = form.stem_html
        question.payload = form.payload()
        question.feedback = data["feedback"].strip()
        _apply_image(question, data.get("image"), previous=old)
        question.image_alt = data["image_alt"].strip() if question.image else ""
        question.save()
        question.facts.set(data["facts"])
        if old is None:
            builder.add_fixed(question_set, question)
        elif question is not old:
            builder.replace_fixed(question_set, old, question)
    return question


def _apply_image(question: Question, image, *, previous: Question | None) -> None:
    if isinstance(image, UploadedFile):
        name, content = prepared_image(image)
        question.image.save(name, content, save=False)
    elif not image:  # False: "Clear" was ticked; None: there never was one
        question.image = ""
    elif previous is not None and question is not previous:
        question.image = previous.image.name  # a new version shares the unchanged file
