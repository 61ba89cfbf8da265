"""The void-of-course Moon: from its last major aspect to a planet until it leaves its sign.

The traditional definition (Sun to Saturn is the older one; the modern planets are included here,
as most current calendars do): after the Moon's last exact Ptolemaic aspect in a sign it is "void"
until it enters the next sign. When it made no aspect in the sign at all it is void from the moment
it entered it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from core.astro import ephemeris
from core.astro.day_track import crossing_times, to_instant
from core.astro.ephemeris import PLANETS, Body
from core.astro.zodiac import normalize, sign_index, signed_difference

ASPECTS: dict[float, str] = {0.0: "conjunction", 60.0: "sextile", 90.0: "square", 120.0: "trine", 180.0: "opposition"}
PARTNERS: tuple[Body, ...] = tuple(b for b in PLANETS if b is not Body.MOON)
SEARCH_HOURS = 72  # the Moon spends at most about 2.7 days in a sign


@dataclass(frozen=True)
class VoidOfCourse:
    start: dt.datetime  # UT: the last aspect (or the sign ingress when none was made)
    end: dt.datetime  # UT: the ingress into the next sign
    last_aspect: str | None  # e.g. "square Saturn"


def separation_fn(body: Body) -> Callable[[float], float]:
    return lambda jd: normalize(
        ephemeris.body_state(jd, Body.MOON).longitude - ephemeris.body_state(jd, body).longitude
    )


def aspect_times(times: list[float], moon: list[float], body: Body) -> list[tuple[float, str]]:
    """When the Moon perfects each major aspect to one body over the sampled times."""
    other = [s.longitude for s in ephemeris.body_states_over(times, body)]
    separations = [normalize(m - o) for m, o in zip(moon, other, strict=True)]
    separation = separation_fn(body)
    found: list[tuple[float, str]] = []
    for angle, name in ASPECTS.items():
        for target in {angle, normalize(-angle)}:
            values = [signed_difference(s, target) for s in separations]

            def gap(jd: float, t: float = target) -> float:
                return signed_difference(separation(jd), t)

            roots = crossing_times(values, times, gap)
            found.extend((jd, f"{name} {body.label}") for jd in roots)
    return found


def sign_entry(times: list[float], moon: list[float], boundary: float) -> float | None:
    """When the Moon crossed into the sign that starts at `boundary`, within the sampled times."""
    values = [signed_difference(m, boundary) for m in moon]
    lon = lambda jd: signed_difference(ephemeris.body_state(jd, Body.MOON).longitude, boundary)  # noqa: E731
    roots = crossing_times(values, times, lon)
    return roots[-1] if roots else None


def void_before(ingress: dt.datetime) -> VoidOfCourse:
    """The void-of-course period that ends when the Moon enters a sign at `ingress` (UT)."""
    end_jd = ephemeris.julian_day(ingress)
    times = [end_jd - (SEARCH_HOURS - hour) / 24 for hour in range(SEARCH_HOURS + 1)]
    moon = [s.longitude for s in ephemeris.body_states_over(times, Body.MOON)]
    left_sign_start = sign_index(moon[-1] - 0.5) * 30.0  # the sign being left (half a degree back)
    entered = sign_entry(times, moon, left_sign_start) or times[0]
    aspects = [(jd, what) for body in PARTNERS for jd, what in aspect_times(times, moon, body) if entered < jd < end_jd]
    if not aspects:
        return VoidOfCourse(to_instant(entered), ingress, None)
    jd, what = max(aspects)
    return VoidOfCourse(to_instant(jd), ingress, what)
