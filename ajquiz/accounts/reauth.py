"""Asking a signed-in user for their password again (to change the e-mail address or the
password). A wrong answer counts towards the log-in lock-out, as a failed log-in does: else a
borrowed browser could guess the password on these forms without limit."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError


def confirm_password(request, user, password: str, *, wrong: str) -> None:
    """Raise ValidationError(wrong) unless `password` is the user's; refuse to check at all
    while the user is locked out."""
    credentials = {"username": user.get_username()}
    if request is not None and AxesProxyHandler.is_locked(request, credentials):
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        raise ValidationError(
            f"Too many wrong passwords: this account is locked for {minutes} minutes.",
            code="locked",
        )
    if not user.check_password(password):
        if request is not None:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        raise ValidationError(wrong, code="password_incorrect")
