"""Day events at the edges: the Aries point, a sign entered and left again, an aspect perfecting twice."""

import datetime as dt

import pytest

from core.astro import ephemeris
from core.astro.aspects import Point
from core.astro.ephemeris import Body
from core.astro.local_time import LocalTimeError
from core.astro.transits import day_report, local_day_bounds

AQUARIUS_0 = [Point("Point", 300.0)]  # a natal point at 0° Aquarius
STATION_DAY = dt.date(2026, 2, 26)


def ut(*fields: int) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=dt.UTC)


def ingresses_of(body: str, date: dt.date, zone: str = "UTC") -> list[tuple[str, dt.datetime]]:
    return [(i.sign, i.at) for i in day_report(AQUARIUS_0, date, zone).sky.ingresses if i.body == body]


@pytest.mark.parametrize(
    ("body", "date", "at"),
    [
        ("Sun", dt.date(2026, 3, 20), ut(2026, 3, 20, 14, 45, 57)),
        ("Mars", dt.date(2026, 4, 9), ut(2026, 4, 9, 19, 36, 9)),
        ("Mercury", dt.date(2026, 4, 15), ut(2026, 4, 15, 3, 21, 29)),
    ],
)
def test_an_ingress_into_aries_is_listed_once(body, date, at):
    found = ingresses_of(body, date)

    assert len(found) == 1, found
    sign, instant = found[0]
    assert sign == "Aries"
    assert abs(instant - at) <= dt.timedelta(seconds=2)


def test_an_ingress_and_its_return_on_the_same_day_are_both_listed():
    # Mercury touched Aquarius for seven and a half hours on 4 January 1970, then went back.
    found = ingresses_of("Mercury", dt.date(1970, 1, 4))

    assert [sign for sign, _ in found] == ["Aquarius", "Capricorn"]
    assert abs(found[0][1] - ut(1970, 1, 4, 4, 20, 17)) <= dt.timedelta(seconds=2)
    assert abs(found[1][1] - ut(1970, 1, 4, 11, 59, 22)) <= dt.timedelta(seconds=2)


def test_an_aspect_that_perfects_twice_in_a_day_lists_both_times():
    report = day_report(AQUARIUS_0, dt.date(1970, 1, 4), "UTC")
    (event,) = [e for e in report.events if e.transit == "Mercury" and e.kind == "conjunction"]

    assert len(event.perfections) == 2
    assert abs(event.perfections[0] - ut(1970, 1, 4, 4, 20, 17)) <= dt.timedelta(seconds=2)
    assert abs(event.perfections[1] - ut(1970, 1, 4, 11, 59, 22)) <= dt.timedelta(seconds=2)
    assert event.exact_at == event.perfections[0]


@pytest.mark.parametrize("short_by", [0.0005, 0.000005])
def test_a_station_on_a_natal_point_perfects_on_each_side_of_the_turn(short_by):
    # Mercury turned retrograde at 22°34′ Pisces on 26 February 2026 near 06:48 UT. A point just short
    # of that degree is reached before the turn and again after it: 1.8″ short, about 1.7 hours each
    # side; 0.018″ short, about ten minutes each side, both between the same two hourly samples.
    (station,) = [s for s in day_report([], STATION_DAY, "UTC").sky.stations if s.body == "Mercury"]
    turn = ephemeris.body_state(ephemeris.julian_day(station.at), Body.MERCURY).longitude
    report = day_report([Point("Point", turn - short_by)], STATION_DAY, "UTC")
    (event,) = [e for e in report.events if e.transit == "Mercury" and e.kind == "conjunction"]

    assert len(event.perfections) == 2, event
    assert event.perfections[0] < station.at < event.perfections[1]


def test_a_day_that_did_not_happen_in_a_zone_is_refused():
    # Samoa moved across the date line: in Apia, 29 December 2011 was followed by the 31st.
    with pytest.raises(LocalTimeError, match="2011-12-30 did not happen in Pacific/Apia"):
        local_day_bounds(dt.date(2011, 12, 30), "Pacific/Apia")
    start, end = local_day_bounds(dt.date(2011, 12, 31), "Pacific/Apia")
    assert end - start == dt.timedelta(hours=24)
