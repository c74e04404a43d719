from __future__ import annotations

from django.contrib.auth.forms import UserCreationForm

from ajquiz.accounts.models import User


class SignUpForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
        help_texts = {"email": "Optional. Used only to reset your password."}
