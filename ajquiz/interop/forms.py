from __future__ import annotations

from django import forms

from ajquiz.quizzes.models import Quiz

from .models import ImportBatch
from .scopes import UnknownScope, read_scope, scope_choices

MAX_UPLOAD = 5 * 1024 * 1024


class UploadForm(forms.Form):
    format = forms.ChoiceField(
        label="Format", choices=ImportBatch.Format.choices, widget=forms.RadioSelect
    )
    file = forms.FileField(
        label="File",
        help_text="A UTF-8 text file of at most 5 MB. Nothing is saved until you confirm.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("The file is larger than 5 MB: split it into parts.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                f"The file is not UTF-8 text (byte {error.start + 1} cannot be read). "
                "Save it as UTF-8 and upload it again."
            ) from None
        if not text.strip():
            raise forms.ValidationError("The file is empty.")
        self.cleaned_data["text"] = text
        return upload


class ScopeForm(forms.Form):
    """Picks what an export covers; `scope` holds the Scope once valid."""

    scope = forms.ChoiceField(label="Questions from")
    include_mine = True

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        choices = scope_choices(user)
        if not self.include_mine:
            choices = [choice for choice in choices if choice[0] != "mine"]
        self.fields["scope"].choices = choices

    def clean_scope(self):
        value = self.cleaned_data["scope"]
        try:
            self.cleaned_data["scope_object"] = read_scope(value, self.user)
        except UnknownScope as error:
            raise forms.ValidationError(str(error)) from None
        return value


class QuestionExportForm(ScopeForm):
    FORMATS = [("gift", "GIFT"), ("moodle_xml", "Moodle XML"), ("csv", "CSV")]
    format = forms.ChoiceField(label="Format", choices=FORMATS)


class DeckExportForm(ScopeForm):
    include_mine = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].label = "Deck"


class FactExportForm(ScopeForm):
    include_mine = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].label = "Facts from"
        self.fields["scope"].choices = [("all", "Every fact"), *self.fields["scope"].choices]


class ResponseExportForm(forms.Form):
    quiz = forms.ChoiceField(label="Quiz")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.quizzes = {str(quiz.uid): quiz for quiz in Quiz.objects.filter(owner=user)}
        self.fields["quiz"].choices = [(uid, quiz.title) for uid, quiz in self.quizzes.items()]

    def clean_quiz(self):
        quiz = self.quizzes[self.cleaned_data["quiz"]]
        self.cleaned_data["quiz_object"] = quiz
        return quiz.uid
