"""Seasons of slow transits: when a slow planet's aspect to a natal point entered orb, each exact
pass (retrograde passes included) and when it leaves.

A slow contact lasts weeks to years, so a day's reading treats it as a season rather than as news.
The window around an instant is found by stepping the ephemeris a day at a time out to the orb's
edges and bisecting the crossings; windows are kept, since every day inside one asks for the same.
"""

import datetime as dt
from dataclasses import dataclass
from threading import Lock

from core.astro import ephemeris
from core.astro.aspects import KIND_BY_NAME, TRANSIT_ORBS
from core.astro.day_track import find_root, to_instant
from core.astro.ephemeris import Body
from core.astro.zodiac import normalize, signed_difference

SLOW_BODIES: dict[str, Body] = {b.label: b for b in (Body.JUPITER, Body.SATURN, Body.URANUS, Body.NEPTUNE, Body.PLUTO)}
STEP_DAYS = 1.0
# Pluto on a station can hold a 3° orb for over three years; no window of ours is wider.
HORIZON_DAYS = 6 * 366


@dataclass(frozen=True)
class Pass:
    at: dt.datetime  # UT instant the aspect is exact
    retrograde: bool


@dataclass(frozen=True)
class Season:
    """One stay of a slow transit within orb of a natal point."""

    transit: str
    natal: str
    kind: str
    entered: dt.datetime  # UT instant the orb was entered
    passes: tuple[Pass, ...]
    leaves: dt.datetime  # UT instant the orb is left

    def covers(self, instant: dt.datetime) -> bool:
        return self.entered <= instant <= self.leaves


def aspect_gap(longitude: float, target: float) -> float:
    """Signed distance (degrees) of a longitude from the aspect's exact point."""
    return signed_difference(longitude, target)


def nearest_target(longitude: float, natal_longitude: float, angle: float) -> float:
    """Of the aspect's two exact points (natal ± angle), the one the body is closer to."""
    targets = (normalize(natal_longitude + angle), normalize(natal_longitude - angle))
    return min(targets, key=lambda t: abs(aspect_gap(longitude, t)))


def _edge(body: Body, target: float, limit: float, jd: float, step: float) -> float:
    """Step from jd (in orb) by `step` days until out of orb, then bisect to the edge."""

    def inside(t: float) -> float:
        return abs(aspect_gap(ephemeris.body_state(t, body).longitude, target)) - limit

    for _ in range(int(HORIZON_DAYS / abs(step))):
        if inside(jd + step) > 0:
            return find_root(inside, jd, jd + step) if step > 0 else find_root(inside, jd + step, jd)
        jd += step
    return jd


def _passes(body: Body, target: float, start: float, end: float) -> tuple[Pass, ...]:
    """Every time the body stands exactly on the target between start and end."""

    def gap(t: float) -> float:
        return aspect_gap(ephemeris.body_state(t, body).longitude, target)

    found = []
    t, previous = start, gap(start)
    while t < end:
        nxt = min(end, t + STEP_DAYS)
        current = gap(nxt)
        if (previous <= 0) != (current <= 0):
            jd = find_root(gap, t, nxt)
            found.append(Pass(to_instant(jd), ephemeris.body_state(jd, body).speed < 0))
        t, previous = nxt, current
    return tuple(found)


_windows: dict[tuple[str, float, str], list[Season]] = {}
_windows_lock = Lock()


def season_of(transit: str, natal: str, natal_longitude: float, kind: str, instant: dt.datetime) -> Season | None:
    """The season of a slow transit that is within orb at `instant`, or None when it is not."""
    body = SLOW_BODIES.get(transit)
    if body is None:
        return None
    key = (transit, round(natal_longitude, 6), kind)
    with _windows_lock:
        known = next((s for s in _windows.get(key, []) if s.covers(instant) and s.natal == natal), None)
    if known:
        return known
    jd = ephemeris.julian_day(instant)
    limit = TRANSIT_ORBS[kind]
    target = nearest_target(ephemeris.body_state(jd, body).longitude, natal_longitude, KIND_BY_NAME[kind].angle)
    if abs(aspect_gap(ephemeris.body_state(jd, body).longitude, target)) > limit:
        return None
    entered, leaves = _edge(body, target, limit, jd, -STEP_DAYS), _edge(body, target, limit, jd, STEP_DAYS)
    season = Season(
        transit, natal, kind, to_instant(entered), _passes(body, target, entered, leaves), to_instant(leaves)
    )
    with _windows_lock:
        _windows.setdefault(key, []).append(season)
    return season
