"""Forms of the question-set builder: the set itself, random draws, the filter of the
generated-question preview, and the quiz settings."""

from __future__ import annotations

from datetime import timedelta

from django import forms

from ajquiz.classes.builder import matching_questions
from ajquiz.classes.forms import LocalTimes, datetime_input
from ajquiz.content.models import Fact, Source, Topic
from ajquiz.questions.models import Question
from ajquiz.quizzes.models import QuestionSet, Quiz

FACT_RESULTS = 30


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, topic):
        return f"{topic.parent.name} › {topic.name}" if topic.parent_id else topic.name


class QuestionSetForm(forms.ModelForm):
    class Meta:
        model = QuestionSet
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "title": "Students see it as the quiz's title.",
            "description": "Optional: shown on the quiz page before students start.",
        }


class DrawFilterForm(forms.Form):
    """What a random draw (or the preview of generated questions) picks from."""

    topics = TopicChoiceField(
        queryset=Topic.objects.select_related("parent"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="A topic includes its subtopics. None ticked: any topic.",
    )
    sources = forms.ModelMultipleChoiceField(
        queryset=Source.objects.only("slug", "title"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: any source.",
    )
    kinds = forms.MultipleChoiceField(
        choices=Question.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: any kind, mixed.",
    )
    facts = forms.ModelMultipleChoiceField(
        queryset=Fact.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    fact_search = forms.CharField(
        label="Find facts",
        required=False,
        max_length=100,
        help_text="Words from a fact's statement, to choose individual facts.",
    )

    def filters(self) -> dict:
        data = self.cleaned_data
        return {key: data.get(key) or [] for key in ("topics", "sources", "facts", "kinds")}

    def fact_choices(self) -> list[Fact]:
        """The facts ticked so far and those matching the search (at most FACT_RESULTS)."""
        if not self.is_bound:
            return []
        self.is_valid()  # cleans once; the valid parts are in cleaned_data either way
        chosen = list(self.cleaned_data.get("facts") or [])
        search = (self.cleaned_data.get("fact_search") or "").strip()
        if not search:
            return chosen
        found = (
            Fact.objects.filter(statement__icontains=search)
            .exclude(pk__in=[fact.pk for fact in chosen])
            .only("slug", "statement")
        )
        return chosen + list(found[:FACT_RESULTS])


class DrawRuleForm(DrawFilterForm):
    count = forms.IntegerField(
        label="How many questions",
        min_value=1,
        max_value=100,
        initial=5,
        help_text="Each student gets a different random draw of this many questions.",
    )
    field_order = ["count", "topics", "sources", "kinds", "fact_search", "facts"]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        available = matching_questions(**self.filters()).count()
        self.available = available
        if available == 0:
            raise forms.ValidationError(
                "No question matches these choices: tick fewer filters or other ones."
            )
        if cleaned.get("count") and cleaned["count"] > available:
            self.add_error(
                "count",
                f"Only {available} question{'s' if available != 1 else ''} match these choices: "
                "draw fewer, or widen the choice.",
            )
        return cleaned


class BankFilterForm(forms.Form):
    """The filter of the generated-question preview (a GET form)."""

    topic = forms.ModelChoiceField(
        queryset=Topic.objects.select_related("parent"),
        to_field_name="slug",
        required=False,
        empty_label="Any topic",
    )
    source = forms.ModelChoiceField(
        queryset=Source.objects.only("slug", "title"),
        to_field_name="slug",
        required=False,
        empty_label="Any source",
    )
    kind = forms.ChoiceField(choices=[("", "Any kind"), *Question.Kind.choices], required=False)
    q = forms.CharField(label="Words in the question", required=False, max_length=100)


class QuizSettingsForm(LocalTimes, forms.ModelForm):
    time_limit_minutes = forms.IntegerField(
        label="Time limit (minutes)",
        required=False,
        min_value=1,
        max_value=24 * 60,
        help_text="Blank: no time limit. The server enforces it.",
    )

    local_time_fields = ("opens_at", "closes_at")

    class Meta:
        model = Quiz
        fields = [
            "title",
            "opens_at",
            "closes_at",
            "attempts_allowed",
            "grading_method",
            "feedback_mode",
            "layout",
            "shuffle_questions",
            "shuffle_options",
            "review_timing",
            "review_shows_key",
            "review_shows_feedback",
            "pass_mark",
        ]
        labels = {
            "opens_at": "Opens",
            "closes_at": "Closes",
            "pass_mark": "Pass mark (%)",
            "review_shows_key": "Review shows the right answers",
            "review_shows_feedback": "Review shows feedback and source passages",
            "review_timing": "Students may review their attempt",
        }
        help_texts = {
            "opens_at": "Blank: open now.",
            "closes_at": "Blank: never closes. Attempts still open at this time end here.",
            "review_shows_key": "",
            "review_shows_feedback": "",
            "shuffle_options": "Choices and matching answers in a new order for each attempt.",
        }
        widgets = {"opens_at": datetime_input(), "closes_at": datetime_input()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self.instance.time_limit
        if limit:
            self.fields["time_limit_minutes"].initial = int(limit.total_seconds() // 60)
        self.order_fields(["title", "opens_at", "closes_at", "time_limit_minutes"])

    def clean(self):
        cleaned = super().clean()
        # Quiz.clean() checks that it closes after it opens.
        if cleaned.get("review_timing") == Quiz.ReviewTiming.AFTER_CLOSE and not cleaned.get(
            "closes_at"
        ):
            self.add_error("review_timing", "Reviews after closing need a closing date.")
        return cleaned

    def save(self, commit=True):
        minutes = self.cleaned_data.get("time_limit_minutes")
        self.instance.time_limit = timedelta(minutes=minutes) if minutes else None
        return super().save(commit)
