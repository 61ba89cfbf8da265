"""Transits: positions at any instant, aspects to a natal chart, and the events of a local day.

For a day, each planet is sampled hourly; exact times (aspects, ingresses, stations, lunar
phases) are found by bisection between samples to under a second.
"""

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from core.astro import ephemeris
from core.astro.aspects import TRANSIT_ORBS, Aspect, AspectKind, OrbPolicy, Point, aspects_across, is_applying
from core.astro.ephemeris import PLANETS, Body, BodyState
from core.astro.local_time import load_zone
from core.astro.zodiac import angular_distance, normalize, sign_index, sign_of, signed_difference

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
    return {body: ephemeris.body_state(jd, body) for body in bodies}


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
    exact_phase: str | None
    exact_phase_at: dt.datetime | None


@dataclass(frozen=True)
class DayReport:
    date: dt.date
    zone: str
    start: dt.datetime
    end: dt.datetime
    events: tuple[TransitEvent, ...]
    moon: MoonReport
    ingresses: tuple[Ingress, ...]
    stations: tuple[Station, ...]
    retrogrades: tuple[str, ...]


class DaySamples:
    """Hourly positions of every transiting body over one local day, shared by all searches."""

    def __init__(self, start: dt.datetime, end: dt.datetime):
        self.start_jd = ephemeris.julian_day(start)
        self.end_jd = ephemeris.julian_day(end)
        steps = max(1, round((self.end_jd - self.start_jd) / (SAMPLE_STEP / dt.timedelta(days=1))))
        self.times = [self.start_jd + (self.end_jd - self.start_jd) * i / steps for i in range(steps + 1)]
        self.states = {b: [ephemeris.body_state(jd, b) for jd in self.times] for b in TRANSIT_BODIES}
        self.noon_index = len(self.times) // 2


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


def aspect_exact_time(samples: DaySamples, body: Body, natal: Point, kind: AspectKind) -> float | None:
    targets = {normalize(natal.longitude + kind.angle), normalize(natal.longitude - kind.angle)}
    found = sorted(t for target in targets for t in exact_times(samples, body, target))
    return found[0] if found else None


def to_instant(jd: float | None) -> dt.datetime | None:
    if jd is None:
        return None
    return ephemeris.instant_from_julian_day(jd).replace(microsecond=0)


def day_transit_events(samples: DaySamples, natal: list[Point], policy: OrbPolicy) -> list[TransitEvent]:
    events = []
    for body in TRANSIT_BODIES:
        states = samples.states[body]
        for point in natal:
            for kind in policy.kinds():
                orbs = [abs(angular_distance(s.longitude, point.longitude) - kind.angle) for s in states]
                if min(orbs) > policy.orb_for(kind, body.label, point.name):
                    continue
                exact = aspect_exact_time(samples, body, point, kind)
                noon = states[samples.noon_index]
                applying = is_applying(Point(body.label, noon.longitude, noon.speed), point, kind)
                events.append(
                    TransitEvent(
                        body.label,
                        point.name,
                        kind.name,
                        0.0 if exact else min(orbs),
                        applying,
                        to_instant(exact),
                        noon.retrograde,
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
        boundaries = {sign_index(s.longitude) * 30.0 for s in states} | {sign_index(states[0].longitude) * 30.0 + 30}
        for boundary in sorted(boundaries):
            for jd in exact_times(samples, body, normalize(boundary)):
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
        exact_name, exact_at,
    )  # fmt: skip


def local_day_bounds(date: dt.date, zone_name: str) -> tuple[dt.datetime, dt.datetime]:
    """UT start and end of a local calendar day (23 or 25 hours long on DST days)."""
    zone = load_zone(zone_name)
    start = dt.datetime.combine(date, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    return start, end


def day_report(natal: list[Point], date: dt.date, zone_name: str, policy: OrbPolicy = TRANSIT_POLICY) -> DayReport:
    """Everything the sky does to a natal chart during one local day."""
    start, end = local_day_bounds(date, zone_name)
    samples = DaySamples(start, end)
    noon = samples.noon_index
    retrogrades = tuple(b.label for b in PLANETS if samples.states[b][noon].retrograde)
    return DayReport(
        date, zone_name, start, end,
        tuple(day_transit_events(samples, natal, policy)), day_moon(samples),
        tuple(day_ingresses(samples)), tuple(day_stations(samples)), retrogrades,
    )  # fmt: skip
