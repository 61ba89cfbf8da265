"""Transits: positions at any instant, aspects to a natal chart, and the events of a local day.

For a day, each planet is sampled hourly (see day_track); exact times of perfection are found
by interpolation between track points to under a second, every one of them when an aspect
perfects more than once in the day.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

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
from core.astro.day_track import TRANSIT_BODIES, DaySamples, day_samples, to_instant
from core.astro.ephemeris import Body, BodyState
from core.astro.local_time import MissingLocalDay, load_zone
from core.astro.sky import SkyOfDay, sky_of_day
from core.astro.zodiac import signed_difference

TRANSIT_POLICY = OrbPolicy(orbs=dict(TRANSIT_ORBS), luminary_bonus=0.0)


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
    perfections: tuple[dt.datetime, ...]  # UT instants of perfection within the day, in order
    transit_retrograde: bool
    transit_speed: float = 0.0  # degrees per day at local noon
    transit_longitude: float = 0.0  # at local noon

    @property
    def exact_at(self) -> dt.datetime | None:
        """The first perfection of the day, if any."""
        return self.perfections[0] if self.perfections else None


@dataclass(frozen=True)
class DayReport:
    date: dt.date
    zone: str
    start: dt.datetime
    end: dt.datetime
    events: tuple[TransitEvent, ...]
    sky: SkyOfDay


def closest_approach(arc: tuple[float, float], natal_longitude: float, angle: float) -> float:
    """Smallest orb of an aspect of `angle` to a natal point reached anywhere on a swept arc."""
    centre, half_width = arc
    delta = signed_difference(centre, natal_longitude)
    nearest = min(abs(signed_difference(delta, angle)), abs(signed_difference(delta, -angle)))
    return max(0.0, nearest - half_width)


def aspect_perfections(samples: DaySamples, body: Body, natal: Placed, kind: AspectKind) -> list[float]:
    """Every time the aspect perfects during the day, in order (a conjunction or opposition has one target)."""
    targets = [natal.longitude + kind.angle]
    if 0.0 < kind.angle < 180.0:
        targets.append(natal.longitude - kind.angle)
    track = samples.tracks[body]
    return sorted(jd for target in targets for jd in track.passes(target))


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
                exact = aspect_perfections(samples, body, point, kind) if orb == 0.0 else []
                delta = signed_difference(now.longitude, point.longitude)
                applying = closing_in(delta, now.speed, kind.angle)  # the natal point stands still
                events.append(
                    TransitEvent(
                        body.label,
                        point.name,
                        kind.name,
                        orb,
                        applying,
                        tuple(to_instant(jd) for jd in exact),
                        now.retrograde,
                        now.speed,
                        now.longitude,
                    )
                )
    return sorted(events, key=lambda e: (e.orb, e.transit, e.natal))


def local_day_bounds(date: dt.date, zone_name: str) -> tuple[dt.datetime, dt.datetime]:
    """UT start and end of a local calendar day (23 or 25 hours long on DST days)."""
    zone = load_zone(zone_name)
    start = dt.datetime.combine(date, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    if end <= start:
        raise MissingLocalDay(date, zone_name)
    return start, end


def day_report(natal: Sequence[Placed], date: dt.date, zone_name: str, policy: OrbPolicy = TRANSIT_POLICY) -> DayReport:
    """Everything the sky does to a natal chart during one local day (natal points are fixed)."""
    start, end = local_day_bounds(date, zone_name)
    samples = day_samples(start, end)
    events = tuple(day_transit_events(samples, natal, policy))
    return DayReport(date, zone_name, start, end, events, sky_of_day(start, end))
