"""Positions from skyfield and JPL DE421, the independent reference (the `skyfield` fixture gives both)."""

import datetime as dt

from skyfield.framelib import ecliptic_frame

from core.astro.ephemeris import PLANETS, Body

# Engine on the Swiss Ephemeris files against DE421, in arcseconds (why: tests/astro/test_accuracy.py).
FILES_TOLERANCE_ARCSEC = {body: 0.75 for body in PLANETS} | {Body.PLUTO: 1.5, Body.MOON: 2.5}
DE421_TARGET = {
    Body.SUN: "sun", Body.MOON: "moon", Body.MERCURY: "mercury", Body.VENUS: "venus",
    Body.MARS: "mars barycenter", Body.JUPITER: "jupiter barycenter", Body.SATURN: "saturn barycenter",
    Body.URANUS: "uranus barycenter", Body.NEPTUNE: "neptune barycenter", Body.PLUTO: "pluto barycenter",
}  # fmt: skip


def as_ut1(timescale, instant):
    """Skyfield time for an instant read as UT1, as the Swiss Ephemeris reads its UT."""
    seconds = instant.second + instant.microsecond / 1e6
    return timescale.ut1(instant.year, instant.month, instant.day, instant.hour, instant.minute, seconds)


def reference_longitude(skyfield, instant: dt.datetime, body: Body) -> float:
    timescale, eph = skyfield
    t = as_ut1(timescale, instant)
    _, lon, _ = eph["earth"].at(t).observe(eph[DE421_TARGET[body]]).apparent().frame_latlon(ecliptic_frame)
    return lon.degrees
