from __future__ import annotations

from django import forms

from ajquiz.study.models import Rating, StudyProfile


class StudySettingsForm(forms.ModelForm):
    class Meta:
        model = StudyProfile
        fields = ("desired_retention", "new_per_day", "reviews_per_day", "keyboard_shortcuts")
        widgets = {
            "desired_retention": forms.NumberInput(attrs={"step": "0.01", "min": 0.7, "max": 0.97}),
            "new_per_day": forms.NumberInput(attrs={"min": 0, "max": 200}),
            "reviews_per_day": forms.NumberInput(attrs={"min": 0, "max": 2000}),
        }


class RatingForm(forms.Form):
    """A rating of the card shown: which fact, which rating, and what the learner saw."""

    fact = forms.SlugField(max_length=120)
    rating = forms.TypedChoiceField(choices=Rating.choices, coerce=int)
    seen_reps = forms.IntegerField(min_value=0)
    shown = forms.IntegerField(min_value=0, required=False)
    deck = forms.UUIDField(required=False)


class RecallForm(forms.Form):
    answer = forms.CharField(max_length=400, required=False, strip=True)
