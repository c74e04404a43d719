"""Admin forms for the content models: the checks an editor needs explained on the page."""

from __future__ import annotations

import string

from django import forms

from ajquiz.content.models import Entity, Fact, QuestionTemplate
from ajquiz.content.predicates import PREDICATES


def predicate_choices(*, blank: str | None = None) -> list[tuple[str, str]]:
    choices = [(slug, f"{slug} ({p.object_type})") for slug, p in sorted(PREDICATES.items())]
    return [("", blank), *choices] if blank is not None else choices


class AliasesField(forms.CharField):
    """A JSON list of names, edited as one name per line."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 60})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        names = [line.strip() for line in (value or "").splitlines() if line.strip()]
        doubled = sorted({name for name in names if names.count(name) > 1})
        if doubled:
            raise forms.ValidationError(f"Each name once, please: {', '.join(doubled)}.")
        return names


class EntityForm(forms.ModelForm):
    aliases = AliasesField(
        required=False,
        help_text="One name per line: other names a learner may type, e.g. a surname.",
    )

    class Meta:
        model = Entity
        fields = ("slug", "name", "kind", "aliases", "description", "image", "image_alt")
        widgets = {"description": forms.TextInput(attrs={"size": 80})}


class FactForm(forms.ModelForm):
    predicate = forms.ChoiceField(
        choices=predicate_choices,
        help_text="The object's type follows from the predicate (in brackets).",
    )

    class Meta:
        model = Fact
        fields = (
            "slug",
            "subject",
            "predicate",
            "statement",
            "qualifier",
            "note",
            "year",
            "object_entity",
            "object_date",
            "date_precision",
            "object_number",
            "object_unit",
            "object_text",
            "source",
            "quote",
            "start",
            "end",
            "topics",
        )
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "qualifier": forms.TextInput(attrs={"size": 80}),
            "note": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "object_text": forms.TextInput(attrs={"size": 80}),
            "quote": forms.Textarea(attrs={"rows": 3, "cols": 80}),
        }
        help_texts = {
            "quote": "Copy it from the source exactly. A quote that occurs once in the source "
            "finds its own start and end.",
            "start": "Filled in for you when the quote occurs once in the source.",
        }

    def clean(self):
        """Anchor a quote that occurs exactly once; the model's checks explain the rest."""
        cleaned = super().clean()
        source, quote = cleaned.get("source"), cleaned.get("quote")
        if source and quote and source.text.count(quote) == 1:
            cleaned["start"] = source.text.find(quote)
            cleaned["end"] = cleaned["start"] + len(quote)
        return cleaned


class QuestionTemplateForm(forms.ModelForm):
    predicate = forms.ChoiceField(
        choices=lambda: predicate_choices(blank="any predicate"),
        required=False,
        help_text="The facts this template turns into questions.",
    )

    class Meta:
        model = QuestionTemplate
        fields = (
            "slug",
            "name",
            "kind",
            "predicate",
            "subject_kind",
            "object_kind",
            "stem",
            "distractor_strategy",
            "option_count",
            "tolerance",
            "feedback",
            "active",
        )

    def clean_stem(self):
        stem = self.cleaned_data["stem"]
        try:
            list(string.Formatter().parse(stem))
        except ValueError:
            raise forms.ValidationError(
                "The stem has an unmatched { or }; write placeholders like {subject}."
            ) from None
        return stem
