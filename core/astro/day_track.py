"""The sampled path of every transiting body over one UT interval, and the root finders that time its events.

Each body is sampled hourly, and every station between two samples is found and added to its
track: between two neighbours of a track the longitude then only rises or only falls, so a
longitude is passed at most once there and every pass (a sign entered and left again, an aspect
perfecting before and after a turn) is found, to under a second.
"""

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from core.astro import ephemeris
from core.astro.ephemeris import PLANETS, Body, BodyState
from core.astro.zodiac import normalize, signed_difference

TRANSIT_BODIES: tuple[Body, ...] = (*PLANETS, Body.TRUE_NODE)
SAMPLE_STEP = dt.timedelta(hours=1)
PRECISION_SECONDS = 1.0


class Track:
    """One body's samples and stations in time order (Julian days, UT)."""

    def __init__(self, times: list[float], states: list[BodyState], turns: list[float]):
        self.times = times
        self.states = states
        self.turns = turns  # when the body stood still in longitude

    @classmethod
    def of(cls, body: Body, times: list[float], samples: list[BodyState]) -> "Track":
        track_times, track_states, turns = [times[0]], [samples[0]], []
        for i in range(1, len(times)):
            if (samples[i - 1].speed <= 0) != (samples[i].speed <= 0):
                turn = find_root(lambda jd: ephemeris.body_state(jd, body).speed, times[i - 1], times[i])
                turns.append(turn)
                track_times.append(turn)
                track_states.append(ephemeris.body_state(turn, body))
            track_times.append(times[i])
            track_states.append(samples[i])
        return cls(track_times, track_states, turns)

    def passes(self, target: float) -> list[float]:
        """Every time the longitude passes `target`, timed by interpolation between track points."""
        found = []
        previous = signed_difference(self.states[0].longitude, target)
        for i in range(1, len(self.states)):
            current = signed_difference(self.states[i].longitude, target)
            if (previous <= 0) != (current <= 0) and abs(previous - current) < 90.0:
                before, after = self.states[i - 1], self.states[i]
                t0, t1 = self.times[i - 1], self.times[i]
                found.append(hermite_root(t0, t1, previous, current, before.speed, after.speed))
            previous = current
        return found


class DaySamples:
    """Hourly positions of every transiting body over one local day, shared by all searches.

    The same for every person whose local day spans the same UT interval: build it through
    `day_samples`, which keeps the recent ones, and treat it as read-only.
    """

    def __init__(self, start: dt.datetime, end: dt.datetime):
        self.start_jd = ephemeris.julian_day(start)
        self.end_jd = ephemeris.julian_day(end)
        steps = max(1, round((self.end_jd - self.start_jd) / (SAMPLE_STEP / dt.timedelta(days=1))))
        self.times = [self.start_jd + (self.end_jd - self.start_jd) * i / steps for i in range(steps + 1)]
        self.states = {b: ephemeris.body_states_over(self.times, b) for b in TRANSIT_BODIES}
        self.noon_index = len(self.times) // 2
        self.tracks = {b: Track.of(b, self.times, states) for b, states in self.states.items()}
        self.arcs = {b: swept_arc([s.longitude for s in track.states]) for b, track in self.tracks.items()}


@lru_cache(maxsize=512)
def day_samples(start: dt.datetime, end: dt.datetime) -> DaySamples:
    """The samples of one UT interval, computed once and shared (a job asks for each day many times)."""
    return DaySamples(start, end)


def swept_arc(longitudes: list[float]) -> tuple[float, float]:
    """(centre, half-width) of the zodiac arc a body covers, from its track (under 180° a day)."""
    first = longitudes[0]
    unwrapped = [first + signed_difference(lon, first) for lon in longitudes]
    low, high = min(unwrapped), max(unwrapped)
    return normalize((low + high) / 2), (high - low) / 2


def hermite_root(t0: float, t1: float, g0: float, g1: float, rate0: float, rate1: float) -> float:
    """Where a quantity with values g0, g1 and rates (per day) at t0, t1 crosses zero, to PRECISION_SECONDS.

    Cubic Hermite interpolation between two hourly samples: for the Moon the interpolated
    longitude is within about 0.5″ of the ephemeris, so the time is good to well under a second.
    """
    h = t1 - t0
    m0, m1 = rate0 * h, rate1 * h

    def value(u: float) -> float:
        u2, u3 = u * u, u * u * u
        return (2 * u3 - 3 * u2 + 1) * g0 + (u3 - 2 * u2 + u) * m0 + (-2 * u3 + 3 * u2) * g1 + (u3 - u2) * m1

    return find_root(lambda jd: value((jd - t0) / h), t0, t1)


def find_root(f: Callable[[float], float], lo: float, hi: float) -> float:
    """Bisection for a sign change of f on [lo, hi] (Julian days), to PRECISION_SECONDS."""
    f_lo = f(lo)
    while (hi - lo) * 86400.0 > PRECISION_SECONDS:
        mid = (lo + hi) / 2
        f_mid = f(mid)
        if (f_lo <= 0) == (f_mid <= 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


def crossing_times(values: list[float], times: list[float], f: Callable[[float], float]) -> list[float]:
    """Times where a sampled, continuous-near-zero quantity changes sign (ignoring ±180° wraps)."""
    roots = []
    for i in range(len(values) - 1):
        a, b = values[i], values[i + 1]
        if (a <= 0) != (b <= 0) and abs(a - b) < 90.0:
            roots.append(find_root(f, times[i], times[i + 1]))
    return roots


def to_instant(jd: float) -> dt.datetime:
    return ephemeris.instant_from_julian_day(jd).replace(microsecond=0)
