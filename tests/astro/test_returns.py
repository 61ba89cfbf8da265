"""Solar and lunar return instants against independent root searches.

The reference searches share nothing with the engine's: skyfield on JPL DE421 bisected on its
own apparent longitude, and the Swiss Ephemeris' own crossing functions (swe_solcross_ut,
swe_mooncross_ut), which use a different iteration from ours. Against DE421 the instants are
compared in Terrestrial Time: each library turns UT into TT with its own ΔT model, and for
future years those predictions differ by seconds, which says nothing about the root search.
"""

import datetime as dt
import random

import pytest
import swisseph as swe
from skyfield.framelib import ecliptic_frame

from core.astro import ephemeris
from core.astro.ephemeris import Body
from core.astro.returns import lunar_return, solar_return
from core.astro.zodiac import signed_difference

SECOND = 1.0 / 86400.0


def births(count: int = 10) -> list[dt.datetime]:
    """Ten birth instants, 1920–2005, at varied times of day and of year."""
    rng = random.Random(17)
    start = dt.datetime(1920, 1, 1, tzinfo=dt.UTC)
    return [start + dt.timedelta(seconds=rng.uniform(0, 85 * 365.25 * 86400)) for _ in range(count)]


def natal_longitude(birth: dt.datetime, body: Body) -> float:
    return ephemeris.body_state(ephemeris.julian_day(birth), body).longitude


def skyfield_sun_crossing(skyfield, target: float, lo: float, hi: float) -> float:
    """Bisection on DE421's apparent solar longitude (true equinox of date); Julian days in TT."""
    timescale, eph = skyfield
    earth, sun = eph["earth"], eph["sun"]

    def offset(jd: float) -> float:
        _, lon, _ = earth.at(timescale.tt_jd(jd)).observe(sun).apparent().frame_latlon(ecliptic_frame)
        return signed_difference(lon.degrees, target)

    assert offset(lo) < 0 < offset(hi)
    while hi - lo > 0.001 * SECOND:
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if offset(mid) < 0 else (lo, mid)
    return (lo + hi) / 2


LAST_DE421_YEAR = 2050  # DE421 ends in 2053
CASES = [
    (birth, year)
    for birth in births()
    for year in (birth.year + 1, (birth.year + LAST_DE421_YEAR) // 2, LAST_DE421_YEAR)
]


@pytest.mark.parametrize(("birth", "year"), CASES, ids=[f"{b:%Y%m%d}-{y}" for b, y in CASES])
def test_a_solar_return_is_within_a_second_of_de421(skyfield, swiss_files, birth, year):
    target = natal_longitude(birth, Body.SUN)

    found = ephemeris.julian_day(solar_return(target, birth, year))

    found_tt = found + swe.deltat(found)
    reference_tt = skyfield_sun_crossing(skyfield, target, found_tt - 0.5, found_tt + 0.5)
    assert abs(found_tt - reference_tt) * 86400 < 1.0
    assert abs(found - swe.solcross_ut(target, found - 5, swe.FLG_SWIEPH)) * 86400 < 1.0


@pytest.mark.parametrize(("birth", "year"), CASES, ids=[f"{b:%Y%m%d}-{y}" for b, y in CASES])
def test_a_lunar_return_is_the_first_after_the_start_of_the_month(swiss_files, birth, year):
    target = natal_longitude(birth, Body.MOON)
    month_start = dt.datetime(year, birth.month, 1, tzinfo=dt.UTC)

    found = ephemeris.julian_day(lunar_return(target, month_start))

    start = ephemeris.julian_day(month_start)
    reference = swe.mooncross_ut(target, start, swe.FLG_SWIEPH)
    assert abs(found - reference) * 86400 < 1.0
    assert start <= found < start + 27.4


def test_a_solar_return_falls_within_two_days_of_the_birthday(swiss_files):
    birth = dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC)

    found = solar_return(natal_longitude(birth, Body.SUN), birth, 2026)

    assert abs(found - dt.datetime(2026, 6, 15, 13, 30, tzinfo=dt.UTC)) < dt.timedelta(days=2)


def test_a_leap_day_birth_has_a_return_every_year(swiss_files):
    birth = dt.datetime(1996, 2, 29, 6, 0, tzinfo=dt.UTC)

    found = solar_return(natal_longitude(birth, Body.SUN), birth, 2027)

    assert dt.datetime(2027, 2, 26, tzinfo=dt.UTC) < found < dt.datetime(2027, 3, 3, tzinfo=dt.UTC)
