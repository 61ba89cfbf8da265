"""Natal charts for people: from stored birth data to a stored chart and its wheel."""

from functools import cache

from django.conf import settings
from django.db import transaction

from core.astro import ephemeris
from core.astro.chart import ChartRequest, NatalChart, compute_natal_chart
from core.astro.chart_json import chart_as_dict
from core.astro.local_time import ResolvedTime, format_offset, to_universal_time
from core.astro.sidereal import ZODIAC_NAMES
from core.astro.wheel import RENDERER_VERSION, Printed, render_wheel
from core.astro.wheel_print import print_css, screen_css, wheel_png
from core.models import NatalChart as NatalChartRecord
from core.models import SavedPerson, User


class MissingBirthData(ValueError):
    """The person has not entered enough birth data for a chart."""


def resolve_birth_time(subject: User | SavedPerson) -> ResolvedTime:
    """The UT instant of a birth (local noon when the time is unknown), for a user or a saved person."""
    if not subject.has_birth_data:
        raise MissingBirthData("Enter your birth date and place first.")
    assert subject.birth_date is not None  # has_birth_data
    return to_universal_time(subject.birth_date, subject.birth_time, subject.birth_timezone, subject.birth_time_fold)


def birth_chart(subject: User | SavedPerson, viewer: User) -> tuple[NatalChart, ResolvedTime]:
    """Compute (without storing) the natal chart of a user or a saved person, in the viewer's chart settings."""
    resolved = resolve_birth_time(subject)
    assert subject.birth_latitude is not None  # has_birth_data
    assert subject.birth_longitude is not None
    request = ChartRequest(
        instant=resolved.utc,
        latitude=subject.birth_latitude,
        longitude=subject.birth_longitude,
        time_known=resolved.time_known,
        house_system=viewer.house_system,
        zodiac=viewer.zodiac,
        lilith=viewer.lilith,
        south_node=viewer.show_south_node,
        part_of_fortune=viewer.show_part_of_fortune,
    )
    return compute_natal_chart(request), resolved


def chart_for(user: User) -> tuple[NatalChart, ResolvedTime]:
    """Compute (without storing) the person's natal chart."""
    return birth_chart(user, user)


def chart_fingerprint(user: User) -> str:
    """Birth data, chart settings, ephemeris and wheel renderer: a stored chart made with others is stale.

    The renderer version is part of it so that an improved wheel reaches people whose chart is stored.
    """
    source = ephemeris.source()
    return f"{user.birth_fingerprint()}|{'swiss-files' if source.files else 'moshier'}|wheel-{RENDERER_VERSION}"


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


@cache
def printed_wheel_css() -> str:
    """The page's wheel style sheet in its print palette, read once per process."""
    return print_css((settings.BASE_DIR / "static" / "css" / "wheel.css").read_text(encoding="utf-8"))


@cache
def screen_wheel_css() -> str:
    """The page's wheel style sheet in its dark palette, resolved, for a wheel drawn inside a file."""
    static = settings.BASE_DIR / "static" / "css"
    return screen_css((static / "wheel.css").read_text(encoding="utf-8"), (static / "site.css").read_text("utf-8"))


def with_wheel_style(svg: str) -> str:
    """A page's SVG made a file to keep: the wheel styles it relies on, embedded after its own <style>."""
    return svg.replace("</style>", f"</style><style>{screen_wheel_css()}</style>", 1)


def title_lines(user: User, chart: NatalChart, resolved: ResolvedTime) -> tuple[str, ...]:
    """Name, birth moment, place and zone, house system and zodiac: the title block of a printed wheel."""
    local = resolved.utc + resolved.offset
    moment = f"{local:%-d %B %Y}, " + (f"{local:%H:%M}" if resolved.time_known else "time unknown (noon used)")
    north, east = chart.request.latitude, chart.request.longitude
    place = f"{user.birth_place or 'Birth place'} · {abs(north):.4f}° {'N' if north >= 0 else 'S'}, "
    houses = f"{chart.houses.system_name} houses" if chart.houses else "No houses (time unknown)"
    return (
        user.get_full_name() or user.username,
        f"Born {moment} · {resolved.zone} (UTC{format_offset(resolved.offset)})",
        place + f"{abs(east):.4f}° {'E' if east >= 0 else 'W'}",
        f"{houses} · {ZODIAC_NAMES[chart.request.zodiac]} zodiac",
    )


def printed_wheel(user: User) -> str:
    """The person's wheel as a file to keep: light print style and a title block, self-contained."""
    chart, resolved = chart_for(user)
    printed = Printed(printed_wheel_css(), title_lines(user, chart, resolved))
    return render_wheel(chart, f"Natal chart of {user.username}", printed)


def printed_wheel_png(user: User) -> bytes:
    return wheel_png(printed_wheel(user))


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
