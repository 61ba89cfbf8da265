"""Natal charts for people: from stored birth data to a stored chart and its wheel."""

from django.db import transaction

from core.astro import ephemeris
from core.astro.chart import ChartRequest, NatalChart, compute_natal_chart
from core.astro.chart_json import chart_as_dict
from core.astro.local_time import ResolvedTime, to_universal_time
from core.astro.wheel import render_wheel
from core.models import NatalChart as NatalChartRecord
from core.models import User


class MissingBirthData(ValueError):
    """The person has not entered enough birth data for a chart."""


def resolve_birth_time(user: User) -> ResolvedTime:
    """The UT instant of the person's birth (local noon when the time is unknown)."""
    if not user.has_birth_data:
        raise MissingBirthData("Enter your birth date and place first.")
    return to_universal_time(user.birth_date, user.birth_time, user.birth_timezone, user.birth_time_fold)


def chart_for(user: User) -> tuple[NatalChart, ResolvedTime]:
    """Compute (without storing) the person's natal chart."""
    resolved = resolve_birth_time(user)
    request = ChartRequest(
        instant=resolved.utc,
        latitude=user.birth_latitude,
        longitude=user.birth_longitude,
        time_known=resolved.time_known,
        house_system=user.house_system,
    )
    return compute_natal_chart(request), resolved


def chart_fingerprint(user: User) -> str:
    """The person's birth data and the ephemeris in use: a stored chart with another is stale."""
    source = ephemeris.source()
    return f"{user.birth_fingerprint()}|{'swiss-files' if source.files else 'moshier'}"


@transaction.atomic
def recompute_natal_chart(user: User) -> NatalChartRecord:
    """Compute the chart and its wheel and store them, replacing any earlier one."""
    chart, resolved = chart_for(user)
    record, _ = NatalChartRecord.objects.update_or_create(
        user=user,
        defaults={
            "fingerprint": chart_fingerprint(user),
            "ut": resolved.utc,
            "data": chart_as_dict(chart, resolved),
            "svg": render_wheel(chart, f"Natal chart of {user.username}"),
        },
    )
    user.natal_chart = record
    return record


def current_natal_chart(user: User) -> NatalChartRecord:
    """The stored chart, recomputed first when birth data, house system or ephemeris changed since."""
    try:
        record = user.natal_chart  # loaded already when the caller used select_related("natal_chart")
    except NatalChartRecord.DoesNotExist:
        record = None
    if record is None or record.fingerprint != chart_fingerprint(user):
        record = recompute_natal_chart(user)
    return record


def natal_chart_data(user: User) -> dict:
    """The chart's data for reading: the stored chart's when it is current, else computed now and not
    stored (a page's GET writes nothing; the next recalculation or job stores it)."""
    try:
        record = user.natal_chart
    except NatalChartRecord.DoesNotExist:
        record = None
    if record is not None and record.fingerprint == chart_fingerprint(user):
        return record.data
    chart, resolved = chart_for(user)
    return chart_as_dict(chart, resolved)
