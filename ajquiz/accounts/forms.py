from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm
from django.core.exceptions import ValidationError

from ajquiz.accounts.models import User
from ajquiz.accounts.reauth import confirm_password
from ajquiz.accounts.zones import UNKNOWN_ZONE, time_zone_choices

TIME_ZONE_HELP = (
    "Your study day (daily limits, streaks, the dashboard's days) follows this zone, and times "
    "are shown in it."
)
DAY_START_CHOICES = [
    (hour, f"{hour:02d}:00" + {0: " (midnight)", 4: " (as Anki does)"}.get(hour, ""))
    for hour in range(24)
]


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
    """E-mail address and time zone. A new address needs the current password: whoever
    holds a signed-in browser could otherwise redirect password resets to themselves."""

    time_zone = time_zone_field()
    current_password = forms.CharField(
        label="Current password",
        required=False,
        strip=False,
        help_text="Needed only to change your e-mail address.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    day_starts_at = forms.TypedChoiceField(
        label="Study day starts at",
        choices=DAY_START_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        help_text=(
            "When a new study day begins: daily limits reset and the streak counts a new day. "
            "At 04:00, cards you study after midnight still count towards the evening before."
        ),
    )

    class Meta:
        model = User
        fields = ("email", "time_zone", "day_starts_at")
        help_texts = {"email": "Optional. Used only to reset your password."}

    field_order = ["email", "current_password", "time_zone", "day_starts_at"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.previous_email = self.instance.email

    def clean_day_starts_at(self) -> int:
        """Left out of the form (an older page): unchanged."""
        hour = self.cleaned_data["day_starts_at"]
        return self.instance.day_starts_at if hour is None else hour

    @property
    def email_changed(self) -> bool:
        return "email" in self.changed_data

    def clean_current_password(self) -> str:
        password = self.cleaned_data["current_password"]
        if self.email_changed:
            if not password:
                raise ValidationError("Enter your current password to change your e-mail address.")
            confirm_password(
                self.request,
                self.instance,
                password,
                wrong="That is not your current password. Try again.",
            )
        return password


class GuardedPasswordChangeForm(PasswordChangeForm):
    """Django's form, with wrong old passwords counted towards the lock-out."""

    def __init__(self, user, *args, request=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        confirm_password(
            self.request, self.user, old_password, wrong=self.error_messages["password_incorrect"]
        )
        return old_password
