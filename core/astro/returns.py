"""Solar and lunar returns: the instant the Sun or Moon comes back to its natal longitude.

The instant is bracketed by sampling and then refined by Newton steps on the ephemeris
longitude (the Sun and Moon never turn retrograde), to well under a second.
"""

import datetime as dt

from core.astro import ephemeris
from core.astro.ephemeris import Body, EphemerisError
from core.astro.zodiac import signed_difference

TOLERANCE_SECONDS = 0.01
MAX_NEWTON_STEPS = 20
SOLAR_WINDOW = dt.timedelta(days=3)  # the return falls within a day or two of the birthday
LUNAR_WINDOW = dt.timedelta(days=28)  # longer than a sidereal month (27.32 days)
SAMPLE_STEPS = {Body.SUN: 1.0, Body.MOON: 0.5}  # days; far below half of each body's cycle


def offset_from(body: Body, target: float, jd: float) -> float:
    return signed_difference(ephemeris.body_state(jd, body).longitude, target)


def refine(body: Body, target: float, lo: float, hi: float) -> float:
    """The Julian day in [lo, hi] where `body` is at `target`, by Newton steps from the middle."""
    jd = (lo + hi) / 2
    for _ in range(MAX_NEWTON_STEPS):
        state = ephemeris.body_state(jd, body)
        step = signed_difference(state.longitude, target) / state.speed
        jd -= step
        if abs(step) * 86400.0 < TOLERANCE_SECONDS:
            return jd
    raise EphemerisError(f"The {body.label}'s return did not converge near JD {jd:.5f}.")


def first_return(body: Body, target: float, start: dt.datetime, window: dt.timedelta) -> dt.datetime:
    """The first instant at or after `start`, within `window`, when `body` reaches longitude `target`."""
    step = SAMPLE_STEPS[body]
    jd = ephemeris.julian_day(start)
    end = jd + window / dt.timedelta(days=1)
    before = offset_from(body, target, jd)
    while jd < end:
        after = offset_from(body, target, jd + step)
        if before < 0 <= after and after - before < 90.0:  # a crossing, not the ±180° wrap
            return ephemeris.instant_from_julian_day(refine(body, target, jd, jd + step))
        if before == 0.0:
            return ephemeris.instant_from_julian_day(jd)
        jd, before = jd + step, after
    raise EphemerisError(f"No {body.label} return between {start:%Y-%m-%d} and {window.days} days later.")


def solar_return(natal_sun: float, birth: dt.datetime, year: int) -> dt.datetime:
    """The instant in `year` when the Sun returns to its natal longitude (near the birthday)."""
    month, day = (3, 1) if (birth.month, birth.day) == (2, 29) else (birth.month, birth.day)
    birthday = dt.datetime(year, month, day, tzinfo=dt.UTC)
    return first_return(Body.SUN, natal_sun, birthday - SOLAR_WINDOW, 2 * SOLAR_WINDOW)


def lunar_return(natal_moon: float, after: dt.datetime) -> dt.datetime:
    """The first instant at or after `after` when the Moon returns to its natal longitude."""
    return first_return(Body.MOON, natal_moon, after, LUNAR_WINDOW)
