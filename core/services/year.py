"""The year's layer of a person's chart: solar and lunar returns, secondary progressions, the banner.

Computed on request from the birth data and nothing stored: these pages are read-only GETs.
"""

import datetime as dt
import hashlib
import zoneinfo
from dataclasses import dataclass

from django.core.cache import cache

from core.astro.chart import ChartRequest, NatalChart, compute_natal_chart
from core.astro.progressions import Progression, progress
from core.astro.returns import lunar_return, solar_return
from core.astro.wheel import render_wheel
from core.models import User
from core.services.charts import chart_fingerprint, chart_for

BANNER_SECONDS = 26 * 3600  # a local day, whatever the zone


@dataclass(frozen=True)
class Where:
    """The place a return is cast for: where the person will be (the birth place unless told)."""

    label: str
    latitude: float
    longitude: float
    timezone: str


@dataclass(frozen=True)
class ReturnChart:
    title: str
    instant: dt.datetime  # UT
    local: dt.datetime  # in the place's zone
    where: Where
    chart: NatalChart
    svg: str


def birth_place(user: User) -> Where:
    assert user.birth_latitude is not None  # pages ask for birth data first
    assert user.birth_longitude is not None
    return Where(user.birth_place or "birth place", user.birth_latitude, user.birth_longitude, user.birth_timezone)


def return_chart(user: User, title: str, instant: dt.datetime, where: Where) -> ReturnChart:
    request = ChartRequest(instant, where.latitude, where.longitude, house_system=user.house_system)
    chart = compute_natal_chart(request)
    local = instant.astimezone(zoneinfo.ZoneInfo(where.timezone))
    return ReturnChart(title, instant, local, where, chart, render_wheel(chart, f"{title} of {user.username}"))


def solar_return_chart(user: User, year: int, where: Where) -> ReturnChart:
    """The chart of the moment in `year` when the Sun returns to its natal place, cast for `where`."""
    natal, _ = chart_for(user)
    instant = solar_return(natal.point("Sun").longitude, natal.request.instant, year)
    return return_chart(user, f"Solar return {year}", instant, where)


def lunar_return_chart(user: User, month: dt.date, where: Where) -> ReturnChart | None:
    """The first lunar return on or after the 1st of `month` (midnight where the person will be).

    Without a birth time the natal Moon is only known to about 13°, so no return is claimed (None).
    """
    natal, _ = chart_for(user)
    if not natal.request.time_known:
        return None
    start = dt.datetime(month.year, month.month, 1, tzinfo=zoneinfo.ZoneInfo(where.timezone))
    instant = lunar_return(natal.point("Moon").longitude, start)
    return return_chart(user, f"Lunar return {month:%B %Y}", instant, where)


def progressions_on(user: User, date: dt.date) -> Progression:
    """Secondary progressions for local noon of `date` in the person's zone."""
    natal, _ = chart_for(user)
    noon = dt.datetime.combine(date, dt.time(12), tzinfo=zoneinfo.ZoneInfo(user.schedule_timezone))
    return progress(natal, noon)


@dataclass(frozen=True)
class MoonBanner:
    sign: str
    phase: str
    until: dt.date  # in the person's zone
    next_sign: str


def moon_banner(progression: Progression, zone: str) -> MoonBanner:
    """The progressed Moon's sign and phase, and the local date in `zone` it moves on."""
    until = progression.moon_sign_until.astimezone(zoneinfo.ZoneInfo(zone)).date()
    return MoonBanner(progression.moon_sign, progression.moon_phase, until, progression.next_moon_sign)


def progressed_moon_banner(user: User, today: dt.date) -> MoonBanner:
    """ "Your progressed Moon is in Leo until …", for the dashboard.

    Kept for the day: computing it (the natal chart, then the progressed Moon's next ingress) was a third of
    a dashboard request. The key holds the chart's fingerprint, so new birth data or settings compute anew.
    """
    fingerprint = f"{user.pk}|{chart_fingerprint(user)}|{user.schedule_timezone}|{today.isoformat()}"
    key = f"progressed-moon:{hashlib.sha256(fingerprint.encode()).hexdigest()}"
    banner = cache.get(key)
    if banner is None:
        banner = moon_banner(progressions_on(user, today), user.schedule_timezone)
        cache.set(key, banner, BANNER_SECONDS)
    return banner
