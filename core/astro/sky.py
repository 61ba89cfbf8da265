"""What the sky does during one UT interval, the same for everyone whose day it is.

The Moon's phase and sign, sign ingresses, stations, the planets retrograde and eclipses.
"""

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache

import swisseph as swe

from core.astro import ephemeris
from core.astro.day_track import TRANSIT_BODIES, DaySamples, crossing_times, day_samples, find_root, to_instant
from core.astro.ephemeris import PLANETS, Body, BodyState
from core.astro.zodiac import normalize, sign_index, sign_of, signed_difference

PHASES: tuple[str, ...] = (
    "New Moon", "Waxing Crescent", "First Quarter", "Waxing Gibbous",
    "Full Moon", "Waning Gibbous", "Last Quarter", "Waning Crescent",
)  # fmt: skip
EXACT_PHASES: dict[float, str] = {0.0: "New Moon", 90.0: "First Quarter", 180.0: "Full Moon", 270.0: "Last Quarter"}


@dataclass(frozen=True)
class Ingress:
    body: str
    sign: str
    at: dt.datetime


@dataclass(frozen=True)
class Station:
    body: str
    direction: str  # "retrograde" or "direct"
    at: dt.datetime


@dataclass(frozen=True)
class MoonReport:
    phase: str
    elongation: float
    illumination: float  # percent lit, 0–100
    sign: str
    longitude: float
    exact_phase: str | None
    exact_phase_at: dt.datetime | None


@dataclass(frozen=True)
class Eclipse:
    kind: str  # "solar" or "lunar"
    type: str  # "total", "annular", "hybrid", "partial" or "penumbral"
    at: dt.datetime  # greatest eclipse, UT


@dataclass(frozen=True)
class SkyOfDay:
    """What the sky does during one UT interval, the same for everyone whose day it is."""

    moon: MoonReport
    ingresses: tuple[Ingress, ...]
    stations: tuple[Station, ...]
    retrogrades: tuple[str, ...]
    eclipses: tuple[Eclipse, ...]


def day_ingresses(samples: DaySamples) -> list[Ingress]:
    """Every sign change during the day (the node's too), a sign left again the same day included."""
    found = []
    for body in TRANSIT_BODIES:
        track = samples.tracks[body]
        for i in range(1, len(track.states)):
            before, after = track.states[i - 1].longitude, track.states[i].longitude
            if sign_index(before) == sign_index(after):
                continue
            # Between two track points the body moves one way only, across one boundary.
            forward = signed_difference(after, before) > 0
            boundary = sign_index(after if forward else before) * 30.0
            f = lambda jd, b=body, c=boundary: signed_difference(ephemeris.body_state(jd, b).longitude, c)  # noqa: E731
            at = find_root(f, track.times[i - 1], track.times[i])
            found.append(Ingress(body.label, sign_of(after), to_instant(at)))
    return sorted(found, key=lambda i: i.at)


def day_stations(samples: DaySamples) -> list[Station]:
    """Planets turning retrograde or direct during the day (Sun, Moon and nodes excluded)."""
    found = []
    for body in PLANETS[2:]:
        for jd in samples.tracks[body].turns:
            direction = "retrograde" if ephemeris.body_state(jd + 0.01, body).speed < 0 else "direct"
            found.append(Station(body.label, direction, to_instant(jd)))
    return sorted(found, key=lambda s: s.at)


def elongation(sun: BodyState, moon: BodyState) -> float:
    """Moon minus Sun, 0–360: 0 new, 90 first quarter, 180 full."""
    return normalize(moon.longitude - sun.longitude)


def phase_name(elong: float) -> str:
    return PHASES[int(normalize(elong + 22.5) // 45.0) % 8]


def day_moon(samples: DaySamples) -> MoonReport:
    """Moon phase and sign at local noon, and a principal phase perfecting during the day."""
    sun, moon = samples.states[Body.SUN], samples.states[Body.MOON]
    values = [elongation(s, m) for s, m in zip(sun, moon, strict=True)]
    noon = samples.noon_index
    exact_name, exact_at = None, None
    for angle, name in EXACT_PHASES.items():
        f = lambda jd, a=angle: signed_difference(  # noqa: E731
            ephemeris.body_state(jd, Body.MOON).longitude - ephemeris.body_state(jd, Body.SUN).longitude, a
        )
        roots = crossing_times([signed_difference(v, angle) for v in values], samples.times, f)
        if roots:
            exact_name, exact_at = name, to_instant(roots[0])
    illumination = (1 - math.cos(math.radians(values[noon]))) / 2 * 100
    return MoonReport(
        phase_name(values[noon]), values[noon], round(illumination, 1), sign_of(moon[noon].longitude),
        moon[noon].longitude, exact_name, exact_at,
    )  # fmt: skip


SOLAR_ECLIPSE_TYPES = ((swe.ECL_ANNULAR_TOTAL, "hybrid"), (swe.ECL_TOTAL, "total"), (swe.ECL_ANNULAR, "annular"))
LUNAR_ECLIPSE_TYPES = ((swe.ECL_TOTAL, "total"), (swe.ECL_PARTIAL, "partial"))


def eclipse_type(flags: int, types: tuple[tuple[int, str], ...], otherwise: str) -> str:
    return next((name for bit, name in types if flags & bit), otherwise)


def day_eclipses(samples: DaySamples) -> list[Eclipse]:
    """Solar and lunar eclipses whose greatest phase falls in the interval."""
    flag = ephemeris.ephemeris_flag()
    found = []
    solar_flags, solar = swe.sol_eclipse_when_glob(samples.start_jd, flag)
    if solar[0] < samples.end_jd:
        found.append(Eclipse("solar", eclipse_type(solar_flags, SOLAR_ECLIPSE_TYPES, "partial"), to_instant(solar[0])))
    lunar_flags, lunar = swe.lun_eclipse_when(samples.start_jd, flag)
    if lunar[0] < samples.end_jd:
        found.append(
            Eclipse("lunar", eclipse_type(lunar_flags, LUNAR_ECLIPSE_TYPES, "penumbral"), to_instant(lunar[0]))
        )
    return found


@lru_cache(maxsize=512)
def sky_of_day(start: dt.datetime, end: dt.datetime) -> SkyOfDay:
    """Moon, ingresses, stations, retrogrades and eclipses of a UT interval, computed once."""
    samples = day_samples(start, end)
    noon = samples.noon_index
    return SkyOfDay(
        day_moon(samples),
        tuple(day_ingresses(samples)),
        tuple(day_stations(samples)),
        tuple(b.label for b in PLANETS if samples.states[b][noon].retrograde),
        tuple(day_eclipses(samples)),
    )
