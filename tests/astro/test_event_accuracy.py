"""Every event of a sample of days against an independent search on skyfield + JPL DE421.

For each day the engine's ingresses, stations, lunations, eclipses and transit-to-natal
perfections are paired with those found by tests/support/reference_events.py: the same events,
no more and no fewer (a double or a missing event fails), each within a tolerance in seconds.
The True Node is left out: DE421 has no node, and the osculating node's time is too sensitive
to how it is derived for an independent check to mean much.
"""

import datetime as dt
import zoneinfo
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pytest
from django.conf import settings

from core.astro import day_track, sky
from core.astro.aspects import Point
from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.transits import TRANSIT_POLICY, DayReport, day_report
from tests.support.ephemeris import use_ephemeris
from tests.support.reference_events import TARGETS, Event, Sky, julian_day, perfections, wrapped
from tests.support.skyfield_reference import FILES_TOLERANCE_ARCSEC

POSITION_TOLERANCE_ARCSEC = {body.label: arcsec for body, arcsec in FILES_TOLERANCE_ARCSEC.items()}
# A lunation: the Moon's 2.5″ and the Sun's 0.75″ over an elongation rate of ~0.5″/s, and a second
# of rounding. A station is a flat turn: the Mercury and Venus stations of the sample agree to ~1 s.
# Greatest solar eclipse has two definitions (least geocentric separation here, the shadow's axis
# nearest the Earth's centre in the engine); they agree to a few seconds.
FIXED_TOLERANCE_SECONDS = {"lunation": 10.0, "station": 60.0, "eclipse": 30.0}
LONDON_1990 = ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574)
# Two points of the cases: 0° Aquarius (Mercury perfects twice on 1970-01-04), and a point
# 1.8″ short of where Mercury turned retrograde on 2026-02-26 (perfected before and after the turn).
EXTRA_POINTS = {"Aquarius 0": 300.0, "Station point": 352.56532514959804 - 0.0005}
DAYS = [
    (dt.date(2026, 3, 20), "UTC"),  # the Sun enters Aries; Mercury stations direct
    (dt.date(2026, 4, 9), "UTC"),  # Mars enters Aries
    (dt.date(2026, 4, 15), "UTC"),  # Mercury and the Moon enter Aries
    (dt.date(1970, 1, 4), "UTC"),  # Mercury enters Aquarius and leaves it again; a double perfection
    (dt.date(2026, 2, 26), "UTC"),  # Mercury stations retrograde on a point
    (dt.date(2026, 2, 17), "UTC"),  # annular solar eclipse
    (dt.date(2026, 3, 3), "UTC"),  # total lunar eclipse
    (dt.date(2026, 8, 12), "UTC"),  # total solar eclipse
    (dt.date(2026, 8, 28), "UTC"),  # partial lunar eclipse
    (dt.date(2026, 10, 3), "UTC"),  # Venus stations retrograde
    (dt.date(2026, 11, 24), "Europe/London"),  # full Moon
    (dt.date(2026, 3, 8), "America/New_York"),  # a 23-hour day
    (dt.date(2026, 11, 1), "Asia/Kathmandu"),
    *((dt.date(1955 + 9 * n, 1 + n, 3 + 2 * n), "UTC") for n in range(10)),  # spread over 1955–2036
]


def engine_events(report: DayReport) -> list[Event]:
    events = [Event("ingress", (i.body, i.sign), i.at) for i in report.sky.ingresses if i.body in TARGETS]
    events += [Event("station", (s.body, s.direction), s.at) for s in report.sky.stations]
    if report.sky.moon.exact_phase_at:
        events.append(Event("lunation", (report.sky.moon.exact_phase,), report.sky.moon.exact_phase_at))
    for e in report.sky.eclipses:
        events.append(Event("eclipse", (e.kind, e.type) if e.kind == "lunar" else (e.kind,), e.at))
    for t in report.events:
        if t.transit in TARGETS:
            events += [Event("perfection", (t.transit, t.kind, t.natal), at) for at in t.perfections]
    return events


def reference_events(day: Sky, natal: dict[str, float]) -> list[Event]:
    aspects = {kind.name: kind.angle for kind in TRANSIT_POLICY.kinds()}
    found = day.ingresses() + day.stations() + day.lunations() + perfections(day, natal, aspects)
    return found + [e for e in day.eclipses() if julian_day(e.at) < day.end]


def by_what(events: list[Event]) -> dict[tuple, list[dt.datetime]]:
    grouped = defaultdict(list)
    for event in events:
        grouped[(event.kind, event.what)].append(event.at)
    return {key: sorted(times) for key, times in grouped.items()}


def tolerance_seconds(day: Sky, key: tuple, at: dt.datetime) -> float:
    """A position tolerance (test_accuracy's, in arcseconds) turned into time by the body's speed then.

    The engine's times are whole seconds (truncated): one second more.
    """
    kind, what = key
    if kind not in ("ingress", "perfection"):
        return FIXED_TOLERANCE_SECONDS[kind]
    jd = julian_day(at)
    before, after = day.longitude(what[0], np.array([jd - 1 / 1440, jd + 1 / 1440]))
    arcsec_per_second = abs(wrapped(after - before)) * 3600 / 120
    return 1.0 + POSITION_TOLERANCE_ARCSEC[what[0]] / arcsec_per_second


@dataclass
class Comparison:
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    keys: set[tuple] = field(default_factory=set)
    doubles: set[tuple] = field(default_factory=set)  # (date, key) of events found twice in a day

    def add_day(self, skyfield, date: dt.date, zone: str, natal: dict[str, float]) -> None:
        tz = zoneinfo.ZoneInfo(zone)
        start = dt.datetime.combine(date, dt.time(0), tz).astimezone(dt.UTC)
        end = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(0), tz).astimezone(dt.UTC)
        report = day_report([Point(name, lon) for name, lon in natal.items()], date, zone)
        assert (report.start, report.end) == (start, end)
        day = Sky(skyfield, start, end)
        ours, theirs = by_what(engine_events(report)), by_what(reference_events(day, natal))
        for key in sorted(set(ours) | set(theirs)):
            mine, reference = ours.get(key, []), theirs.get(key, [])
            if len(mine) != len(reference):
                self.problems.append(f"{date} {zone} {key}: engine {mine}, reference {reference}")
                continue
            self.keys.add(key)
            if len(mine) > 1:
                self.doubles.add((date, key))
            for a, b in zip(mine, reference, strict=True):
                seconds = abs((a - b).total_seconds())
                self.seconds[key[0]].append(seconds)
                if seconds > tolerance_seconds(day, key, b):
                    self.problems.append(f"{date} {zone} {key}: engine {a:%H:%M:%S}, reference {b:%H:%M:%S.%f}")


@pytest.fixture(scope="module")
def natal() -> dict[str, float]:
    chart = compute_natal_chart(LONDON_1990)
    return {p.name: p.longitude for p in chart.points if p.name != "True Node"} | EXTRA_POINTS


@pytest.fixture(scope="module")
def comparison(skyfield, natal) -> Comparison:
    """The sample days compared once, on the Swiss Ephemeris files the site installs."""
    with contextmanager(use_ephemeris)(str(settings.INSTALLED_EPHEMERIS)):
        day_track.day_samples.cache_clear()  # samples an earlier test made on another ephemeris
        sky.sky_of_day.cache_clear()
        result = Comparison()
        for date, zone in DAYS:
            result.add_day(skyfield, date, zone, natal)
    day_track.day_samples.cache_clear()
    sky.sky_of_day.cache_clear()
    return result


@pytest.mark.slow
def test_every_event_of_the_sample_days_matches_an_independent_search(comparison):
    assert not comparison.problems, "\n".join(comparison.problems)
    counts = {kind: len(seconds) for kind, seconds in comparison.seconds.items()}
    assert counts["perfection"] >= 150
    assert counts["ingress"] >= 15
    assert counts["lunation"] >= 8
    assert counts["station"] >= 4
    assert counts["eclipse"] == 4


@pytest.mark.slow
def test_the_sample_holds_the_cases_that_went_wrong(comparison):
    keys, doubles = comparison.keys, comparison.doubles
    assert {("ingress", ("Sun", "Aries")), ("ingress", ("Mars", "Aries")), ("ingress", ("Mercury", "Aries"))} <= keys
    assert (dt.date(1970, 1, 4), ("perfection", ("Mercury", "conjunction", "Aquarius 0"))) in doubles
    assert (dt.date(2026, 2, 26), ("perfection", ("Mercury", "conjunction", "Station point"))) in doubles
    assert {("ingress", ("Mercury", "Aquarius")), ("ingress", ("Mercury", "Capricorn"))} <= keys
    assert {("station", ("Mercury", "retrograde")), ("station", ("Mercury", "direct"))} <= keys
    assert {("eclipse", ("solar",)), ("eclipse", ("lunar", "total")), ("eclipse", ("lunar", "partial"))} <= keys
