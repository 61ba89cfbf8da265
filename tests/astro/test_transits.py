"""Transits: aspects to a natal chart at an instant and the exact events of a local day."""

import datetime as dt

import pytest

from core.astro import ephemeris
from core.astro.aspects import Point
from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.ephemeris import Body
from core.astro.transits import day_report, local_day_bounds, positions_at, transit_aspects
from core.astro.zodiac import signed_difference

NATAL = compute_natal_chart(ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574))
NATAL_POINTS = [Point(p.name, p.longitude) for p in NATAL.points]


def longitude_at(instant: dt.datetime, body: Body) -> float:
    return ephemeris.body_state(ephemeris.julian_day(instant), body).longitude


def test_positions_are_given_for_any_instant():
    positions = positions_at(dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC))
    assert set(positions) >= {Body.SUN, Body.MOON, Body.PLUTO, Body.TRUE_NODE}
    assert 241 < positions[Body.SUN].longitude < 243  # the Sun in early Sagittarius


def test_transit_aspects_lie_within_the_transit_orbs():
    aspects = transit_aspects(NATAL_POINTS, dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC))
    assert aspects
    assert all(a.orb <= 3.0 for a in aspects)


def test_exact_times_are_when_the_aspect_perfects_to_the_minute():
    report = day_report(NATAL_POINTS, dt.date(2026, 11, 24), "Europe/London")
    exact = [e for e in report.events if e.exact_at is not None]

    assert exact
    angles = {"conjunction": 0, "sextile": 60, "square": 90, "trine": 120, "opposition": 180}
    for event in exact:
        assert report.start <= event.exact_at < report.end
        body = Body[event.transit.upper().replace(" ", "_")]
        natal = NATAL.point(event.natal).longitude
        before = longitude_at(event.exact_at - dt.timedelta(minutes=1), body)
        after = longitude_at(event.exact_at + dt.timedelta(minutes=1), body)
        crossed = [
            signed_difference(before, target) * signed_difference(after, target) <= 0
            for target in (natal + angles[event.kind], natal - angles[event.kind])
        ]
        assert any(crossed), f"{event} is not exact within a minute"


def test_the_full_moon_of_24_november_2026_is_timed():
    report = day_report(NATAL_POINTS, dt.date(2026, 11, 24), "UTC")

    assert report.sky.moon.exact_phase == "Full Moon"
    assert report.sky.moon.exact_phase_at == pytest.approx(
        dt.datetime(2026, 11, 24, 14, 53, tzinfo=dt.UTC), abs=dt.timedelta(minutes=2)
    )
    assert report.sky.moon.phase == "Full Moon"
    assert report.sky.moon.illumination > 99


def test_a_moon_ingress_is_found_with_its_new_sign():
    report = day_report(NATAL_POINTS, dt.date(2026, 11, 24), "UTC")
    moon = [i for i in report.sky.ingresses if i.body == "Moon"]

    assert [i.sign for i in moon] == ["Gemini"]
    body_after = longitude_at(moon[0].at + dt.timedelta(minutes=1), Body.MOON)
    body_before = longitude_at(moon[0].at - dt.timedelta(minutes=1), Body.MOON)
    assert body_before < 60.0 <= body_after


def test_the_moon_entering_aries_is_one_ingress_not_two():
    # 0° and 360° are the same boundary; on 20 November 2026 the Moon passes it once.
    report = day_report(NATAL_POINTS, dt.date(2026, 11, 20), "UTC")
    assert [(i.body, i.sign) for i in report.sky.ingresses if i.body == "Moon"] == [("Moon", "Aries")]


def test_a_station_is_found_on_its_day():
    # Mercury turned retrograde on 24 October 2026 (UT); it is direct the day before and after.
    days = {
        d: day_report(NATAL_POINTS, d, "UTC")
        for d in (dt.date(2026, 10, 23), dt.date(2026, 10, 24), dt.date(2026, 10, 25))
    }
    found = [(d, s) for d, r in days.items() for s in r.sky.stations if s.body == "Mercury"]

    assert len(found) == 1
    day, station = found[0]
    assert station.direction == "retrograde"
    assert station.at.date() == day
    assert "Mercury" in days[dt.date(2026, 10, 25)].sky.retrogrades


def test_a_local_day_on_a_dst_change_is_23_or_25_hours_long():
    spring = local_day_bounds(dt.date(2026, 3, 8), "America/New_York")
    autumn = local_day_bounds(dt.date(2026, 11, 1), "America/New_York")
    assert spring[1] - spring[0] == dt.timedelta(hours=23)
    assert autumn[1] - autumn[0] == dt.timedelta(hours=25)


def bisected_exact_time(body: Body, target: float, near: dt.datetime) -> dt.datetime:
    """The ephemeris itself, bisected to a millisecond around `near`: the reference for interpolated times."""
    lo, hi = near - dt.timedelta(minutes=30), near + dt.timedelta(minutes=30)
    f_lo = signed_difference(longitude_at(lo, body), target)
    while hi - lo > dt.timedelta(milliseconds=1):
        mid = lo + (hi - lo) / 2
        f_mid = signed_difference(longitude_at(mid, body), target)
        if (f_lo <= 0) == (f_mid <= 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return lo


def test_interpolated_exact_times_agree_with_the_ephemeris_within_two_seconds():
    angles = {"conjunction": 0, "sextile": 60, "square": 90, "trine": 120, "opposition": 180}
    checked = 0
    for day in range(20):
        report = day_report(NATAL_POINTS, dt.date(2026, 11, 1) + dt.timedelta(days=day), "UTC")
        for event in (e for e in report.events if e.exact_at is not None):
            body = Body[event.transit.upper().replace(" ", "_")]
            natal = NATAL.point(event.natal).longitude
            targets = [natal + angles[event.kind], natal - angles[event.kind]]
            target = min(targets, key=lambda t: abs(signed_difference(longitude_at(event.exact_at, body), t)))
            reference = bisected_exact_time(body, target, event.exact_at)
            assert abs(event.exact_at - reference) <= dt.timedelta(seconds=2), event
            checked += 1
    assert checked >= 30


def test_eclipses_of_2026_are_found_on_their_days():
    solar = day_report(NATAL_POINTS, dt.date(2026, 8, 12), "UTC").sky.eclipses
    lunar = day_report(NATAL_POINTS, dt.date(2026, 8, 28), "UTC").sky.eclipses
    plain = day_report(NATAL_POINTS, dt.date(2026, 8, 20), "UTC").sky.eclipses

    assert [(e.kind, e.type) for e in solar] == [("solar", "total")]
    assert solar[0].at == pytest.approx(dt.datetime(2026, 8, 12, 17, 46, tzinfo=dt.UTC), abs=dt.timedelta(minutes=2))
    assert [(e.kind, e.type) for e in lunar] == [("lunar", "partial")]
    assert lunar[0].at == pytest.approx(dt.datetime(2026, 8, 28, 4, 13, tzinfo=dt.UTC), abs=dt.timedelta(minutes=2))
    assert plain == ()


def test_the_sky_of_a_day_is_computed_once_for_everyone_who_shares_it():
    first = day_report(NATAL_POINTS, dt.date(2026, 11, 24), "Europe/Lisbon")
    second = day_report(NATAL_POINTS[:3], dt.date(2026, 11, 24), "Europe/London")  # same UT interval in winter

    assert first.sky is second.sky
