from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def seconds(milliseconds) -> str:
    """12345 -> '12.3 s'."""
    if milliseconds is None:
        return ""
    return f"{milliseconds / 1000:.1f} s"


@register.filter
def epoch_ms(value) -> int:
    return int(value.timestamp() * 1000) if value else 0
