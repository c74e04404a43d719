from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ajquiz.accounts.forms import AccountSettingsForm, GuardedPasswordChangeForm, SignUpForm
from ajquiz.accounts.roles import make_student


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        make_student(user)
        login(request, user, backend="ajquiz.accounts.backends.RoleAwareBackend")
        messages.success(request, f"Welcome, {user.username}. Your account is ready.")
        return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        if form.email_changed and form.previous_email:
            _tell_old_address(request, user, form.previous_email)
        messages.success(request, "Account settings saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})


def _tell_old_address(request, user, old_email: str) -> None:
    """The old address hears of the change, so its owner can act if it was not them."""
    context = {
        "user": user,
        "old_email": old_email,
        "changed_at": timezone.now(),
        "login_url": request.build_absolute_uri(reverse("accounts:login")),
    }
    send_mail(
        "Your ajquiz e-mail address was changed",
        render_to_string("accounts/email_changed.txt", context),
        None,
        [old_email],
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = GuardedPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
