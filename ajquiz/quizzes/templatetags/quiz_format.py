"""Times and marks in words and numbers for the quiz pages."""

from __future__ import annotations

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def clock(seconds) -> str:
    """532 -> "8:52"; 3725 -> "1:02:05"."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.filter
def in_words(value) -> str:
    """Seconds or a timedelta in words: "1 hour 5 minutes", "8 minutes 52 seconds"."""
    if value is None:
        return ""
    seconds = int(value.total_seconds() if isinstance(value, timedelta) else value)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{amount} {unit}{'' if amount == 1 else 's'}"
        for amount, unit in ((hours, "hour"), (minutes, "minute"), (secs, "second"))
        if amount
    ]
    return " ".join(parts) or "0 seconds"


@register.filter
def mark(fraction) -> str:
    """A fraction of one mark with at most two decimals: 1 -> "1", 0.5 -> "0.5"."""
    if fraction is None or fraction == "":
        return "0"
    text = f"{float(fraction):.2f}".rstrip("0").rstrip(".")
    return text or "0"
