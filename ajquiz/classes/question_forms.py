"""Forms for writing a question by hand: the parts every kind shares (stem with simple rich
text, optional image with alt text, feedback) and the kinds with a single answer (true/false,
short answer, numeric, cloze). Kinds with rows of answers are in row_question_forms.py.

Each form turns its cleaned data into the kind's payload (questions/payload.py shapes) and
back (`initial_from`), so the same form writes and edits a question.
"""

from __future__ import annotations

from django import forms

from ajquiz.content.images import validate_image_size
from ajquiz.content.models import Fact
from ajquiz.questions.models import Question
from ajquiz.questions.richtext import rich_stem

Kind = Question.Kind
STEM_MAX = 5000
TEXT_MAX = 1000
COMMON_FIELDS = ("stem", "image", "image_alt", "feedback", "facts")


def lines(text: str) -> list[str]:
    """One accepted variant per line, blank lines and repeats dropped, order kept."""
    seen: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line and line not in seen:
            seen.append(line)
    return seen


class QuestionForm(forms.Form):
    kind: str = ""
    stem = forms.CharField(
        label="Question",
        max_length=STEM_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plain text, or simple formatting: &lt;b&gt;, &lt;i&gt;, &lt;sub&gt;, "
        "&lt;sup&gt;, &lt;br&gt;. Any other markup (links, scripts, styles) is removed.",
    )
    image = forms.ImageField(
        required=False,
        validators=[validate_image_size],
        help_text="Optional. PNG, JPEG, GIF or WebP up to 2 MB; wide pictures are scaled down "
        "to 1200 pixels.",
    )
    image_alt = forms.CharField(
        label="Image description (alt text)",
        max_length=250,
        required=False,
        help_text="Needed with an image: what a student who cannot see it must know. "
        "Do not give the answer away.",
    )
    feedback = forms.CharField(
        label="Feedback after answering",
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional: shown with the right answer, for example why it is right.",
    )

    facts = forms.CharField(
        label="Facts it tests (optional)",
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line: a fact's page address, or its name at the end of that address "
        "(for example aja1-treaty-1902-signed-at-lansdowne-house). Students then see each fact's "
        "source passage with the feedback, as with generated questions.",
    )

    def __init__(self, *args, question: Question | None = None, **kwargs):
        self.question = question
        if question is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "stem": question.stem_html or question.stem,
                "image_alt": question.image_alt,
                "feedback": question.feedback,
                "facts": "\n".join(question.facts.order_by("slug").values_list("slug", flat=True)),
                **self.initial_from(question.payload),
            }
        super().__init__(*args, **kwargs)
        if question is not None and question.image:
            self.fields["image"].initial = question.image

    @classmethod
    def initial_from(cls, payload: dict) -> dict:
        return {}

    def clean_stem(self):
        plain, html = rich_stem(self.cleaned_data["stem"])
        if not plain:
            raise forms.ValidationError(
                "Write the question: it has no text once markup is removed."
            )
        self.stem_html = html
        return plain

    def clean_facts(self) -> list[Fact]:
        """The facts named one per line (a pasted page address is read for its last part),
        each found, or an error naming every line that is not a fact."""
        named = [
            (number, line.strip().rstrip("/").rsplit("/", 1)[-1])
            for number, line in enumerate(self.cleaned_data["facts"].splitlines(), start=1)
            if line.strip()
        ]
        found = Fact.objects.in_bulk([slug for _, slug in named], field_name="slug")
        unknown = [f"line {number}: “{slug}”" for number, slug in named if slug not in found]
        if unknown:
            raise forms.ValidationError(
                "No fact has this name (%(lines)s). Copy it from the end of the fact's page "
                "address.",
                params={"lines": "; ".join(unknown)},
            )
        return list(dict.fromkeys(found[slug] for _, slug in named))

    def clean(self):
        cleaned = super().clean()
        # A new upload, or the question's current image kept (False: "Clear" was ticked).
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt", "Describe the image, so that students who cannot see it can answer."
            )
        return cleaned

    def payload(self) -> dict:
        raise NotImplementedError

    def row_field_names(self) -> set[str]:
        return set()

    def kind_fields(self) -> list:
        """The bound fields of this kind's answer, in order (shared fields and rows excluded)."""
        skip = set(COMMON_FIELDS) | self.row_field_names()
        return [self[name] for name in self.fields if name not in skip]


class TrueFalseForm(QuestionForm):
    kind = Kind.TRUE_FALSE
    answer = forms.TypedChoiceField(
        label="The statement is",
        choices=[("true", "True"), ("false", "False")],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the statement is true or false."},
    )
    correction = forms.CharField(
        label="The true version",
        required=False,
        max_length=TEXT_MAX,
        help_text="Optional, for a false statement: what is actually true.",
    )

    @classmethod
    def initial_from(cls, payload):
        return {
            "answer": "true" if payload["answer"] else "false",
            "correction": payload.get("correction", ""),
        }

    def payload(self):
        return {
            "answer": self.cleaned_data["answer"],
            "correction": self.cleaned_data["correction"],
        }


class ShortAnswerForm(QuestionForm):
    kind = Kind.SHORT_ANSWER
    answer = forms.CharField(label="Right answer", max_length=TEXT_MAX)
    accepted = forms.CharField(
        label="Also accept",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One answer per line. Case, accents, punctuation and a leading “the” or “a” "
        "are ignored when answers are compared.",
    )

    @classmethod
    def initial_from(cls, payload):
        return {"answer": payload["answer"], "accepted": "\n".join(payload.get("accepted", []))}

    def payload(self):
        accepted = [
            line
            for line in lines(self.cleaned_data["accepted"])
            if line != self.cleaned_data["answer"]
        ]
        return {"answer": self.cleaned_data["answer"].strip(), "accepted": accepted}


class ClozeForm(ShortAnswerForm):
    kind = Kind.CLOZE
    before = forms.CharField(
        label="Text before the blank",
        strip=False,
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    after = forms.CharField(
        label="Text after the blank",
        strip=False,
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    field_order = ["stem", "before", "answer", "after", "accepted"]

    @classmethod
    def initial_from(cls, payload):
        return {
            **super().initial_from(payload),
            "before": payload["before"],
            "after": payload["after"],
        }

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("before", "").strip() or cleaned.get("after", "").strip()):
            self.add_error(
                "before", "Write the text around the blank (before it, after it, or both)."
            )
        return cleaned

    def payload(self):
        return {
            **super().payload(),
            "before": self.cleaned_data["before"],
            "after": self.cleaned_data["after"],
        }


class NumericForm(QuestionForm):
    kind = Kind.NUMERIC
    answer = forms.IntegerField(
        label="Right answer",
        min_value=-1_000_000_000,
        max_value=1_000_000_000,
        error_messages={"invalid": "Write a whole number, for example 1902."},
    )
    tolerance = forms.IntegerField(
        label="Tolerance",
        min_value=0,
        max_value=1_000_000,
        initial=0,
        help_text="How far either side still counts as right (0: exactly).",
    )
    unit = forms.CharField(label="Unit", max_length=40, initial="year", required=False)

    @classmethod
    def initial_from(cls, payload):
        return {
            "answer": payload["answer"],
            "tolerance": payload.get("tolerance", 0),
            "unit": payload.get("unit", ""),
        }

    def payload(self):
        data = self.cleaned_data
        return {"answer": data["answer"], "tolerance": data["tolerance"], "unit": data["unit"]}
