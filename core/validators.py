"""Field validators for birth data, shared by the model and its forms."""

import datetime as dt
import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone


def validate_not_in_future(value: dt.date) -> None:
    """A birth date cannot be later than today."""
    if value > timezone.localdate():
        raise ValidationError("The birth date cannot be in the future.", code="future_date")


def validate_timezone_name(value: str) -> None:
    """Accept only IANA zone names that this machine's zone database knows."""
    if value and value not in available_timezone_names():
        raise ValidationError(
            "“%(value)s” is not a known IANA timezone (e.g. Europe/London).",
            code="unknown_timezone",
            params={"value": value},
        )


@functools.cache
def available_timezone_names() -> frozenset[str]:
    """The IANA zone names (read from the zone database once: it does not change while the process runs)."""
    return frozenset(zoneinfo.available_timezones())
