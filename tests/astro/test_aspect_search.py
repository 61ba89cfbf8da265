"""The quick aspect search (whole-degree keys, per-policy tables) finds exactly what the definition says.

The definition, kind by kind: the separation is the shorter arc between two longitudes; a kind is within
orb when the separation is no further from its angle than its orb (plus the luminary bonus); the nearest
such kind wins, the first listed on a tie; the aspect applies when the separation is closing in on the angle.
"""

import random

import pytest

from core.astro.aspects import NATAL_ORBS, Aspect, OrbPolicy, Point, aspects_across, aspects_within, closing_in
from core.astro.zodiac import signed_difference

NAMES = ("Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto", "Chiron",
         "True Node", "Ascendant", "Midheaven")  # fmt: skip
POLICIES = {
    "natal": OrbPolicy(),
    "with minors": OrbPolicy(include_minor=True),
    "no luminary bonus": OrbPolicy(luminary_bonus=0.0),
    # Wide orbs put several kinds in reach of one separation.
    "wide": OrbPolicy(orbs=dict(NATAL_ORBS, trine=59.0, square=29.5, opposition=100.0), include_minor=True),
    "odd": OrbPolicy(orbs={"sextile": 31.0, "semisextile": 44.0}, include_minor=True),
}


def by_definition(pairs: list[tuple[Point, Point]], policy: OrbPolicy) -> list[Aspect]:
    found = []
    for a, b in pairs:
        delta = signed_difference(a.longitude, b.longitude)
        best = None
        for kind in policy.kinds():
            orb = abs(abs(delta) - kind.angle)
            if orb <= policy.orb_for(kind, a.name, b.name) and (best is None or orb < best[1]):
                best = (kind, orb)
        if best is not None:
            kind, orb = best
            found.append(Aspect(a.name, b.name, kind.name, orb, closing_in(delta, a.speed - b.speed, kind.angle)))
    return sorted(found, key=lambda aspect: aspect.orb)


def awkward_longitude(rng: random.Random, others: list[float]) -> float:
    """Whole degrees and hairs either side of them, exact aspects to another point, and longitudes past 0–360°."""
    roll = rng.random()
    if others and roll < 0.35:
        offset = rng.choice([0.0, 1e-13, -1e-13, 60.0, 90.0, 120.0, 180.0, 180.0 + 1e-13, 180.0 - 1e-13, 360.0])
        return rng.choice(others) + offset * rng.choice((1, -1))
    if roll < 0.55:
        return rng.randrange(360) + rng.choice([0.0, 1e-15, -1e-15, 5e-324, 1 - 1e-13, 0.5])
    if roll < 0.6:
        return rng.choice([0.0, -0.0, 180.0, 359.99999999999994, 179.99999999999997])
    if roll < 0.65:
        return rng.uniform(-720.0, 1080.0)
    return rng.uniform(0.0, 360.0)


def awkward_points(rng: random.Random) -> list[Point]:
    longitudes: list[float] = []
    for _ in range(rng.randrange(2, len(NAMES) + 1)):
        longitudes.append(awkward_longitude(rng, longitudes))
    speeds = (0.0, -0.0, 1.0, -0.3, rng.uniform(-2.0, 14.0))
    return [Point(name, longitude, rng.choice(speeds)) for name, longitude in zip(NAMES, longitudes, strict=False)]


@pytest.mark.parametrize("policy_name", list(POLICIES))
def test_aspects_within_a_chart_are_those_of_the_definition(policy_name):
    policy, rng = POLICIES[policy_name], random.Random(policy_name)
    for _ in range(600):
        points = awkward_points(rng)
        pairs = [(a, b) for index, a in enumerate(points) for b in points[index + 1 :]]

        assert aspects_within(points, policy) == by_definition(pairs, policy)


@pytest.mark.parametrize("policy_name", list(POLICIES))
def test_aspects_across_two_sets_are_those_of_the_definition(policy_name):
    policy, rng = POLICIES[policy_name], random.Random(f"across {policy_name}")
    for _ in range(300):
        movers, fixed = awkward_points(rng), awkward_points(rng)

        assert aspects_across(movers, fixed, policy) == by_definition([(a, b) for a in movers for b in fixed], policy)
