"""Synastry: aspects between two people's charts, and each one's points in the other's houses."""

from dataclasses import dataclass

from core.astro.aspects import NATAL_ORBS, Aspect, OrbPolicy, aspects_across
from core.astro.chart import ChartPoint, NatalChart
from core.astro.houses import house_of
from core.astro.points import degree_claimed

# Synastry orbs sit between natal and transit orbs: two fixed charts, no motion to tighten them.
SYNASTRY_ORBS: dict[str, float] = {name: orb * 0.75 for name, orb in NATAL_ORBS.items()}
SYNASTRY_POLICY = OrbPolicy(orbs=SYNASTRY_ORBS, luminary_bonus=1.0)


@dataclass(frozen=True)
class Overlay:
    """One person's point and the house of the other person's chart it falls in."""

    point: str
    glyph: str
    position: str
    house: int


@dataclass(frozen=True)
class Synastry:
    """Aspects name the first chart's point first; overlays go both ways (empty where a time is unknown)."""

    aspects: tuple[Aspect, ...]
    first_in_second: tuple[Overlay, ...]
    second_in_first: tuple[Overlay, ...]


def aspect_points(chart: NatalChart) -> list[ChartPoint]:
    """Points that take part in aspects; without a birth time the Moon's degree is not claimed."""
    return [p for p in chart.points if degree_claimed(p.name, chart.request.time_known)]


def overlays(points: tuple[ChartPoint, ...], host: NatalChart) -> tuple[Overlay, ...]:
    """Where each of `points` falls in the houses of `host`; none when the host has no houses."""
    if host.houses is None:
        return ()
    cusps, offsets = host.houses.cusps, host.houses.offsets
    return tuple(Overlay(p.name, p.glyph, p.position, house_of(p.longitude, cusps, offsets)) for p in points)


def synastry(first: NatalChart, second: NatalChart, policy: OrbPolicy = SYNASTRY_POLICY) -> Synastry:
    """Inter-aspects, closest first, and the house overlays both ways."""
    aspects = aspects_across(aspect_points(first), aspect_points(second), policy)
    return Synastry(tuple(aspects), overlays(first.points, second), overlays(second.points, first))
