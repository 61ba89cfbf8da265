"""The supported range: every local date whose whole day the shipped ephemeris files hold, in any zone."""

import datetime as dt

import pytest
import swisseph as swe

from core.astro import ephemeris
from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.ephemeris import Body
from core.astro.local_time import to_universal_time
from core.astro.transits import day_report, local_day_bounds

TOKYO, LOS_ANGELES = (35.6895, 139.69171, "Asia/Tokyo"), (34.05223, -118.24368, "America/Los_Angeles")


@pytest.mark.parametrize(
    ("date", "time", "place"),
    [
        (dt.date(1800, 1, 1), dt.time(0, 30), TOKYO),  # 1799-12-31 in UT
        (dt.date(2399, 12, 31), dt.time(20, 0), LOS_ANGELES),  # 2400-01-01 in UT
        (ephemeris.FIRST_DATE, dt.time(0, 0), TOKYO),
        (ephemeris.LAST_DATE, dt.time(23, 59), LOS_ANGELES),
    ],
)
def test_a_birth_on_a_supported_local_date_is_charted_whatever_its_ut_year(date, time, place):
    latitude, longitude, zone = place
    ephemeris.check_local_date(date)
    resolved = to_universal_time(date, time, zone)

    chart = compute_natal_chart(ChartRequest(resolved.utc, latitude, longitude))
    assert len(chart.houses.cusps) == 12


@pytest.mark.parametrize("date", [dt.date(1200, 1, 9), dt.date(2999, 12, 31)])
def test_a_local_date_outside_the_range_is_refused_with_the_range(date):
    with pytest.raises(ephemeris.EphemerisError, match="outside the supported range 1200-01-10 to 2999-12-30"):
        ephemeris.check_local_date(date)


@pytest.mark.parametrize(
    "instant", [dt.datetime(1200, 1, 8, 5, 59, tzinfo=dt.UTC), dt.datetime(2999, 12, 31, 18, 1, tzinfo=dt.UTC)]
)
def test_an_instant_outside_the_files_is_refused(instant):
    with pytest.raises(ephemeris.EphemerisError, match="outside the ephemeris range"):
        ephemeris.julian_day(instant)


# The zones whose clocks stood farthest from UT: local mean time in Metlakatla (+15:13) and Manila (-15:56).
@pytest.mark.parametrize("zone", ["America/Metlakatla", "Asia/Manila", "Pacific/Kiritimati", "Etc/GMT+12"])
@pytest.mark.parametrize("date", [ephemeris.FIRST_DATE, ephemeris.LAST_DATE])
def test_the_first_and_last_supported_days_have_a_report_in_every_zone(date, zone):
    start, end = local_day_bounds(date, zone)
    assert ephemeris.FIRST_INSTANT <= start < end <= ephemeris.LAST_INSTANT

    report = day_report([], date, zone)
    assert report.sky.moon.sign


@pytest.mark.parametrize("body", [Body.SUN, Body.MOON, Body.PLUTO, Body.TRUE_NODE, Body.CHIRON])
def test_the_range_lies_inside_the_shipped_files_for_every_body(swiss_files, body):
    for instant in (ephemeris.FIRST_INSTANT, ephemeris.LAST_INSTANT):
        _, returned_flag = swe.calc_ut(ephemeris.julian_day(instant), body.swe_id, ephemeris.ephemeris_flag())
        assert returned_flag & swe.FLG_SWIEPH, f"{body.label} at {instant} does not come from the files"
