"""Transits: positions at any instant, aspects to a natal chart, and the events of a local day.

For a day, each planet is sampled hourly; exact times (aspects, ingresses, stations, lunar
phases) are found by bisection between samples to under a second.
"""

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import swisseph as swe

from core.astro import ephemeris
from core.astro.aspects import (
    TRANSIT_ORBS,
    Aspect,
    AspectKind,
    OrbPolicy,
    Placed,
    Point,
    aspects_across,
    closing_in,
)
from core.astro.ephemeris import PLANETS, Body, BodyState
from core.astro.local_time import load_zone
from core.astro.zodiac import normalize, sign_index, sign_of, signed_difference

TRANSIT_POLICY = OrbPolicy(orbs=dict(TRANSIT_ORBS), luminary_bonus=0.0)
TRANSIT_BODIES: tuple[Body, ...] = (*PLANETS, Body.TRUE_NODE)
SAMPLE_STEP = dt.timedelta(hours=1)
PRECISION_SECONDS = 1.0
PHASES: tuple[str, ...] = (
    "New Moon", "Waxing Crescent", "First Quarter", "Waxing Gibbous",
    "Full Moon", "Waning Gibbous", "Last Quarter", "Waning Crescent",
)  # fmt: skip
EXACT_PHASES: dict[float, str] = {0.0: "New Moon", 90.0: "First Quarter", 180.0: "Full Moon", 270.0: "Last Quarter"}


def positions_at(instant: dt.datetime, bodies: tuple[Body, ...] = TRANSIT_BODIES) -> dict[Body, BodyState]:
    """Geocentric positions of the transiting bodies at an instant."""
    jd = ephemeris.julian_day(instant)
    return dict(zip(bodies, ephemeris.body_states(jd, bodies), strict=True))


def transit_aspects(natal: list[Point], instant: dt.datetime, policy: OrbPolicy = TRANSIT_POLICY) -> list[Aspect]:
    """Transit-to-natal aspects within the transit orbs at an instant."""
    movers = [Point(b.label, s.longitude, s.speed) for b, s in positions_at(instant).items()]
    return aspects_across(movers, natal, policy)


@dataclass(frozen=True)
class TransitEvent:
    """A transit-to-natal aspect active during the day."""

    transit: str
    natal: str
    kind: str
    orb: float  # smallest orb during the day
    applying: bool  # at local noon
    exact_at: dt.datetime | None  # UT instant of perfection within the day
    transit_retrograde: bool
    transit_speed: float = 0.0  # degrees per day at local noon
    transit_longitude: float = 0.0  # at local noon


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


@dataclass(frozen=True)
class DayReport:
    date: dt.date
    zone: str
    start: dt.datetime
    end: dt.datetime
    events: tuple[TransitEvent, ...]
    sky: SkyOfDay

    @property
    def moon(self) -> MoonReport:
        return self.sky.moon

    @property
    def ingresses(self) -> tuple[Ingress, ...]:
        return self.sky.ingresses

    @property
    def stations(self) -> tuple[Station, ...]:
        return self.sky.stations

    @property
    def retrogrades(self) -> tuple[str, ...]:
        return self.sky.retrogrades

    @property
    def eclipses(self) -> tuple[Eclipse, ...]:
        return self.sky.eclipses


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
        self.arcs = {b: swept_arc([s.longitude for s in states]) for b, states in self.states.items()}


@lru_cache(maxsize=512)
def day_samples(start: dt.datetime, end: dt.datetime) -> DaySamples:
    """The samples of one UT interval, computed once and shared (a job asks for each day many times)."""
    return DaySamples(start, end)


def swept_arc(longitudes: list[float]) -> tuple[float, float]:
    """(centre, half-width) of the zodiac arc a body covers, from its samples (under 180° a day)."""
    first = longitudes[0]
    unwrapped = [first + signed_difference(lon, first) for lon in longitudes]
    low, high = min(unwrapped), max(unwrapped)
    return normalize((low + high) / 2), (high - low) / 2


def closest_approach(arc: tuple[float, float], natal_longitude: float, angle: float) -> float:
    """Smallest orb of an aspect of `angle` to a natal point reached anywhere on a swept arc."""
    centre, half_width = arc
    delta = signed_difference(centre, natal_longitude)
    nearest = min(abs(signed_difference(delta, angle)), abs(signed_difference(delta, -angle)))
    return max(0.0, nearest - half_width)


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

    lo, hi, f_lo = 0.0, 1.0, g0
    while (hi - lo) * h * 86400.0 > PRECISION_SECONDS:
        mid = (lo + hi) / 2
        f_mid = value(mid)
        if (f_lo <= 0) == (f_mid <= 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return t0 + (lo + hi) / 2 * h


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


def longitude_fn(body: Body) -> Callable[[float], float]:
    return lambda jd: ephemeris.body_state(jd, body).longitude


def exact_times(samples: DaySamples, body: Body, target: float) -> list[float]:
    """When the body's longitude passes `target` during the day."""
    lon = longitude_fn(body)
    values = [signed_difference(s.longitude, target) for s in samples.states[body]]
    return crossing_times(values, samples.times, lambda jd: signed_difference(lon(jd), target))


def sampled_crossing(samples: DaySamples, body: Body, target: float) -> float | None:
    """The first time in the day the body's longitude passes `target`, from the samples alone."""
    states, times = samples.states[body], samples.times
    previous = signed_difference(states[0].longitude, target)
    for i in range(1, len(states)):
        current = signed_difference(states[i].longitude, target)
        if (previous <= 0) != (current <= 0) and abs(previous - current) < 90.0:
            return hermite_root(times[i - 1], times[i], previous, current, states[i - 1].speed, states[i].speed)
        previous = current
    return None


def aspect_exact_time(samples: DaySamples, body: Body, natal: Placed, kind: AspectKind) -> float | None:
    """When the aspect perfects during the day (the earlier of its two targets), or None."""
    targets = {normalize(natal.longitude + kind.angle), normalize(natal.longitude - kind.angle)}
    found = [t for target in targets if (t := sampled_crossing(samples, body, target)) is not None]
    return min(found) if found else None


def to_instant(jd: float | None) -> dt.datetime | None:
    if jd is None:
        return None
    return ephemeris.instant_from_julian_day(jd).replace(microsecond=0)


def day_transit_events(samples: DaySamples, natal: Sequence[Placed], policy: OrbPolicy) -> list[TransitEvent]:
    """Every transit-to-natal aspect that comes within orb during the day, tightest first."""
    events = []
    kinds = policy.kinds()
    noon = samples.noon_index
    for body in TRANSIT_BODIES:
        arc, now = samples.arcs[body], samples.states[body][noon]
        for point in natal:
            for kind in kinds:
                orb = closest_approach(arc, point.longitude, kind.angle)
                if orb > policy.orb_for(kind, body.label, point.name):
                    continue
                exact = aspect_exact_time(samples, body, point, kind) if orb == 0.0 else None
                delta = signed_difference(now.longitude, point.longitude)
                applying = closing_in(delta, now.speed, kind.angle)  # the natal point stands still
                events.append(
                    TransitEvent(
                        body.label,
                        point.name,
                        kind.name,
                        orb,
                        applying,
                        to_instant(exact),
                        now.retrograde,
                        now.speed,
                        now.longitude,
                    )
                )
    return sorted(events, key=lambda e: (e.orb, e.transit, e.natal))


def day_ingresses(samples: DaySamples) -> list[Ingress]:
    """Sign changes during the day (the node's too)."""
    found = []
    for body in TRANSIT_BODIES:
        states = samples.states[body]
        if sign_index(states[0].longitude) == sign_index(states[-1].longitude):
            continue
        # normalised, so 0° and 360° (the Aries ingress) are one boundary, found once
        boundaries = {normalize(sign_index(s.longitude) * 30.0) for s in states}
        boundaries.add(normalize(sign_index(states[0].longitude) * 30.0 + 30))
        for boundary in sorted(boundaries):
            for jd in exact_times(samples, body, boundary):
                after = ephemeris.body_state(jd + 1 / 1440, body).longitude
                found.append(Ingress(body.label, sign_of(after), to_instant(jd)))
    return sorted(found, key=lambda i: i.at)


def day_stations(samples: DaySamples) -> list[Station]:
    """Planets turning retrograde or direct during the day (Sun, Moon and nodes excluded)."""
    found = []
    for body in PLANETS[2:]:
        speeds = [s.speed for s in samples.states[body]]
        f = lambda jd, b=body: ephemeris.body_state(jd, b).speed  # noqa: E731
        for jd in crossing_times(speeds, samples.times, f):
            direction = "retrograde" if f(jd + 0.01) < 0 else "direct"
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


def local_day_bounds(date: dt.date, zone_name: str) -> tuple[dt.datetime, dt.datetime]:
    """UT start and end of a local calendar day (23 or 25 hours long on DST days)."""
    zone = load_zone(zone_name)
    start = dt.datetime.combine(date, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    return start, end


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


def day_report(natal: Sequence[Placed], date: dt.date, zone_name: str, policy: OrbPolicy = TRANSIT_POLICY) -> DayReport:
    """Everything the sky does to a natal chart during one local day (natal points are fixed)."""
    start, end = local_day_bounds(date, zone_name)
    samples = day_samples(start, end)
    events = tuple(day_transit_events(samples, natal, policy))
    return DayReport(date, zone_name, start, end, events, sky_of_day(start, end))
