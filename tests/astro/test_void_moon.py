"""The void-of-course Moon, checked against skyfield + DE421 (an independent ephemeris and code base)."""

import datetime as dt

import pytest

from core.astro.ephemeris import Body
from core.astro.transits import day_report
from core.astro.void_moon import ASPECTS, PARTNERS, void_before
from core.astro.zodiac import normalize, signed_difference
from tests.support.skyfield_reference import reference_longitude

TOLERANCE_DEGREES = 0.02  # the Moon moves that far in about 2 minutes


def separation(skyfield, instant: dt.datetime, body: Body) -> float:
    return normalize(reference_longitude(skyfield, instant, Body.MOON) - reference_longitude(skyfield, instant, body))


def off_exact(skyfield, instant: dt.datetime, body: Body) -> float:
    """How far (degrees) the Moon is from the nearest major aspect to the body at an instant."""
    sep = separation(skyfield, instant, body)
    return min(abs(signed_difference(sep, target)) for a in ASPECTS for target in (a, normalize(-a)))


@pytest.mark.parametrize("date", [dt.date(2026, 11, 20), dt.date(2026, 11, 24), dt.date(2027, 3, 3)])
def test_the_void_starts_at_an_exact_aspect_and_no_aspect_perfects_inside_it(skyfield, swiss_files, date):
    days = (date + dt.timedelta(days=n) for n in range(3))  # the Moon changes sign every 2–3 days
    ingress = next(i for d in days for i in day_report([], d, "UTC").sky.ingresses if i.body == "Moon")
    void = void_before(ingress.at)

    assert void.end == ingress.at
    assert void.start < void.end
    assert void.end - void.start < dt.timedelta(days=3)
    _kind, planet = void.last_aspect.split(" ")
    body = next(b for b in PARTNERS if b.label == planet)
    assert off_exact(skyfield, void.start, body) < TOLERANCE_DEGREES
    # Inside the void, sampled every 30 minutes, no aspect to any planet passes exactly.
    steps = int((void.end - void.start) / dt.timedelta(minutes=30))
    for partner in PARTNERS:
        previous = None
        for n in range(1, steps):
            sep = separation(skyfield, void.start + dt.timedelta(minutes=30 * n), partner)
            nearest = min(
                (t for a in ASPECTS for t in (a, normalize(-a))), key=lambda t: abs(signed_difference(sep, t))
            )
            gap = signed_difference(sep, nearest)
            assert previous is None or previous[0] != nearest or (previous[1] > 0) == (gap > 0), (partner, n)
            previous = (nearest, gap)
