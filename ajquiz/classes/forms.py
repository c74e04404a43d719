"""Forms of the classes pages: classes and their rosters, assignments and extensions.

Question-set forms are in set_forms.py, hand-written questions in question_forms.py.
Dates are typed in the browser's date-time picker and read in the user's time zone (Django's
current one, set by accounts.middleware), which every label names.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from ajquiz.classes.models import Assignment, Classroom, Extension
from ajquiz.quizzes.models import Quiz

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def datetime_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class LocalTimes:
    """A form whose date-times are typed in the user's time zone: their labels name it."""

    local_time_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = timezone.get_current_timezone_name()
        for name in self.local_time_fields:
            self.fields[name].label = f"{self.fields[name].label} ({zone})"


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name", "is_joinable"]


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Class code",
        max_length=20,
        help_text="The eight letters and digits your teacher gave you, for example ABCD-2345.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "Type the class code your teacher gave you."},
    )


class AddStudentForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="A student who already has an account; others join with the class code.",
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            raise forms.ValidationError(f"No account has the username “{username}”.")
        self.user = user
        return username


class AssignmentForm(LocalTimes, forms.ModelForm):
    """Assign one of the teacher's quizzes to a class, due at a date."""

    quiz = forms.ModelChoiceField(
        queryset=Quiz.objects.none(),
        to_field_name="uid",
        empty_label="Choose a quiz…",
        error_messages={"required": "Choose the quiz to assign."},
    )

    local_time_fields = ("due_at",)

    class Meta:
        model = Assignment
        fields = ["quiz", "due_at"]
        labels = {"due_at": "Due"}
        widgets = {"due_at": datetime_input()}

    def __init__(self, *args, classroom: Classroom, now, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom, self.now = classroom, now
        self.fields["quiz"].queryset = Quiz.objects.filter(owner=classroom.teacher).order_by(
            "title", "pk"
        )

    def clean_due_at(self):
        due_at = self.cleaned_data["due_at"]
        if due_at <= self.now:
            raise forms.ValidationError("Choose a due date in the future.")
        return due_at

    def clean_quiz(self):
        quiz = self.cleaned_data["quiz"]
        if self.classroom.assignments.filter(quiz=quiz).exists():
            raise forms.ValidationError(
                "This quiz is already assigned to this class: change its due date instead."
            )
        return quiz

    def save(self, commit=True):
        self.instance.classroom = self.classroom
        return super().save(commit)


class DueDateForm(LocalTimes, forms.ModelForm):
    """A new due date for an assignment (any date: moving it into the past is allowed)."""

    local_time_fields = ("due_at",)

    class Meta:
        model = Assignment
        fields = ["due_at"]
        labels = {"due_at": "Due"}
        widgets = {"due_at": datetime_input()}


class ExtensionForm(LocalTimes, forms.ModelForm):
    local_time_fields = ("due_at",)

    class Meta:
        model = Extension
        fields = ["due_at", "reason"]
        labels = {"due_at": "New due date", "reason": "Reason (optional)"}
        widgets = {"due_at": datetime_input()}
        help_texts = {"reason": "For your own records; the student does not see it."}

    def __init__(self, *args, assignment: Assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment

    def clean_due_at(self):
        due_at = self.cleaned_data["due_at"]
        if due_at <= self.assignment.due_at:
            raise forms.ValidationError(
                "An extension gives more time: choose a date after the class's due date "
                f"({self.assignment.due_at:%d %B %Y, %H:%M} UTC)."
            )
        return due_at
