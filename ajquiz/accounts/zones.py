"""Time zones a learner may choose: their study day (daily limits, streaks, the dashboard's
days) starts there at the hour they chose (accounts.days), and times are shown in it."""

from __future__ import annotations

import functools
import zoneinfo

from django.core.exceptions import ValidationError

UNKNOWN_ZONE = (
    "“%(value)s” is not a time zone name. Choose one from the list, such as Europe/London or "
    "Asia/Tokyo."
)


@functools.cache
def time_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone_choices() -> list[tuple[str, str]]:
    return [("", "UTC (the site's default)")] + [
        (name, name.replace("_", " ")) for name in sorted(time_zone_names())
    ]


def validate_time_zone(value: str) -> None:
    if value and value not in time_zone_names():
        raise ValidationError(
            UNKNOWN_ZONE,
            code="invalid_time_zone",
            params={"value": value},
        )
