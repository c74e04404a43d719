from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from ajquiz.accounts.models import User
from ajquiz.accounts.zones import UNKNOWN_ZONE, time_zone_choices

TIME_ZONE_HELP = (
    "Your study day (daily limits, streaks, the dashboard's days) starts at midnight here, "
    "and times are shown in it."
)


def time_zone_field(**attrs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        required=False,
        help_text=TIME_ZONE_HELP,
        error_messages={"invalid_choice": UNKNOWN_ZONE},
        widget=forms.Select(attrs=attrs),
    )


class SignUpForm(UserCreationForm):
    # Preset to the browser's zone by site.js when it can tell.
    time_zone = time_zone_field(**{"data-browser-time-zone": ""})

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "time_zone")
        help_texts = {"email": "Optional. Used only to reset your password."}


class AccountSettingsForm(forms.ModelForm):
    time_zone = time_zone_field()

    class Meta:
        model = User
        fields = ("email", "time_zone")
        help_texts = {"email": "Optional. Used only to reset your password."}
