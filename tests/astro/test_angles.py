"""Ascendant and MC against a closed-form computation written here, from skyfield's sidereal
time and true obliquity: MC = atan2(sin RAMC, cos RAMC·cos ε),
ASC = atan2(cos RAMC, −(sin ε·tan φ + cos ε·sin RAMC))."""

import datetime as dt
import math
import warnings

import pytest

from core.astro import ephemeris
from core.astro.houses import compute_houses
from core.astro.zodiac import signed_difference
from tests.support.skyfield_reference import as_ut1

TOLERANCE_ARCSEC = 1.0
CASES = [
    (dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574),
    (dt.datetime(1944, 6, 6, 4, 0, tzinfo=dt.UTC), 49.3, -0.5),
    (dt.datetime(2030, 1, 1, 0, 0, tzinfo=dt.UTC), -33.87, 151.21),
    (dt.datetime(1955, 3, 3, 22, 42, tzinfo=dt.UTC), 60.17, 24.94),
    (dt.datetime(2049, 9, 9, 9, 54, tzinfo=dt.UTC), 35.69, 139.69),
    (dt.datetime(1912, 4, 15, 5, 20, tzinfo=dt.UTC), 41.73, -49.95),
    (dt.datetime(2001, 9, 11, 12, 46, tzinfo=dt.UTC), 0.5, -78.5),
    (dt.datetime(1969, 7, 20, 20, 17, tzinfo=dt.UTC), -54.8, -68.3),
]


def closed_form_angles(skyfield, instant: dt.datetime, latitude: float, longitude: float) -> tuple[float, float]:
    from skyfield.nutationlib import earth_tilt

    timescale, _ = skyfield
    t = as_ut1(timescale, instant)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        true_obliquity = earth_tilt(t)[1]
    ramc = math.radians((t.gast * 15.0 + longitude) % 360.0)
    eps, phi = math.radians(true_obliquity), math.radians(latitude)
    mc = math.degrees(math.atan2(math.sin(ramc), math.cos(ramc) * math.cos(eps))) % 360.0
    asc = math.atan2(math.cos(ramc), -(math.sin(eps) * math.tan(phi) + math.cos(eps) * math.sin(ramc)))
    return math.degrees(asc) % 360.0, mc


@pytest.mark.parametrize(("instant", "latitude", "longitude"), CASES)
def test_ascendant_and_mc_match_the_closed_form_within_one_arcsecond(skyfield, instant, latitude, longitude):
    asc, mc = closed_form_angles(skyfield, instant, latitude, longitude)
    houses = compute_houses(ephemeris.julian_day(instant), latitude, longitude, "P")

    assert abs(signed_difference(houses.ascendant, asc)) * 3600 < TOLERANCE_ARCSEC
    assert abs(signed_difference(houses.midheaven, mc)) * 3600 < TOLERANCE_ARCSEC
