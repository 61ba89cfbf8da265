"""The G-Code score: the day's transit-to-natal aspects weighed and squashed into 1–100.

The formula is written out, with a worked example, in docs/gcode.md; tests reproduce it.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from core.astro.aspects import TRANSIT_ORBS
from core.astro.vocabulary import Labelled

# How much a transiting body stirs things: slow outer planets shape a day more than the Sun.
TRANSIT_WEIGHTS: dict[str, float] = {
    "Sun": 1.0, "Moon": 1.0, "Mercury": 0.8, "Venus": 0.9, "Mars": 1.1, "Jupiter": 1.2,
    "Saturn": 1.4, "Uranus": 1.3, "Neptune": 1.2, "Pluto": 1.4, "True Node": 0.6,
}  # fmt: skip
# How personal the natal point touched is: the luminaries and angles most of all.
NATAL_WEIGHTS: dict[str, float] = {
    "Sun": 1.4, "Moon": 1.3, "Ascendant": 1.3, "Midheaven": 1.1, "Mercury": 1.0, "Venus": 1.0,
    "Mars": 1.0, "Jupiter": 0.8, "Saturn": 0.9, "Uranus": 0.6, "Neptune": 0.6, "Pluto": 0.6,
    "True Node": 0.5, "Mean Node": 0.5, "Chiron": 0.5,
}  # fmt: skip
KIND_WEIGHTS: dict[str, float] = {
    "conjunction": 1.0, "opposition": 0.9, "square": 0.85, "trine": 0.7, "sextile": 0.5,
    "quincunx": 0.35, "semisextile": 0.2, "semisquare": 0.3, "sesquiquadrate": 0.3,
    "quintile": 0.2, "biquintile": 0.2,
}  # fmt: skip
SEPARATING_FACTOR = 0.75  # an aspect that has perfected and is easing counts three quarters
ANGLES = frozenset({"Ascendant", "Midheaven"})
# The squash is a logistic curve centred on the typical day (calibrated in docs/gcode.md: over a
# year for 100 charts the raw total has median 8.5 and middle half 7.0–10.0).
SQUASH_CENTER = 8.5
SQUASH_WIDTH = 2.0


class Level(Labelled):
    """The day's intensity, named from its score."""

    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    INTENSE = "intense", "Intense"


LEVELS: tuple[tuple[int, Level], ...] = ((75, Level.INTENSE), (50, Level.HIGH), (25, Level.MEDIUM), (1, Level.LOW))


@dataclass(frozen=True)
class Contact:
    """One transit-to-natal aspect of the day, as the score sees it."""

    transit: str
    natal: str
    kind: str
    orb: float  # smallest orb reached during the day, degrees
    applying: bool
    speed: float  # the transiting body's speed, degrees per day


def orb_limit(kind: str) -> float:
    return TRANSIT_ORBS[kind]


def tightness(orb: float, limit: float) -> float:
    """1 when exact, falling smoothly to 0 at the edge of the orb: 1 − (orb/limit)²."""
    return max(0.0, 1.0 - (orb / limit) ** 2)


def duration(speed: float, limit: float) -> float:
    """The share of the day a body moving `speed` °/day spends within an orb of ±limit (at most 1).

    Only the Moon moves fast enough for this to matter: at 13°/day it crosses a 3° orb in about
    11 hours, so its aspects weigh about half a day's worth.
    """
    return min(1.0, 2.0 * limit / abs(speed)) if speed else 1.0


def strength(contact: Contact) -> float:
    """The weight of one contact: transit × natal point × kind × tightness × duration × direction."""
    limit = orb_limit(contact.kind)
    return (
        TRANSIT_WEIGHTS.get(contact.transit, 0.5)
        * NATAL_WEIGHTS.get(contact.natal, 0.5)
        * KIND_WEIGHTS[contact.kind]
        * tightness(contact.orb, limit)
        * duration(contact.speed, limit)
        * (1.0 if contact.applying else SEPARATING_FACTOR)
    )


def counted(contacts: Iterable[Contact], time_known: bool) -> list[Contact]:
    """The contacts the score may use: angles only when the birth time is known."""
    return [c for c in contacts if time_known or c.natal not in ANGLES]


def raw_total(contacts: Iterable[Contact], time_known: bool = True) -> float:
    return sum(strength(c) for c in counted(contacts, time_known))


def logistic(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-(total - SQUASH_CENTER) / SQUASH_WIDTH))


def squash(total: float) -> int:
    """1 + 99·(σ(R) − σ(0)) / (1 − σ(0)), rounded, σ the logistic: 1 for an empty sky, rising
    smoothly and fastest around the typical day, approaching 100 and never passing it."""
    floor = logistic(0.0)
    share = (logistic(max(0.0, total)) - floor) / (1.0 - floor)
    return min(100, max(1, round(1 + 99 * share)))


def gcode_score(contacts: Iterable[Contact], time_known: bool = True) -> int:
    """The day's G-Code, 1–100."""
    return squash(raw_total(contacts, time_known))


def intensity_level(score: int) -> Level:
    """low < 25 ≤ medium < 50 ≤ high < 75 ≤ intense."""
    return next(name for threshold, name in LEVELS if score >= threshold)


def leading(contacts: Iterable[Contact], time_known: bool = True, limit: int = 8) -> list[tuple[Contact, float]]:
    """The strongest contacts with their strengths, strongest first (ties by name, so always the same order)."""
    weighed = [(c, strength(c)) for c in counted(contacts, time_known)]
    weighed = [(c, s) for c, s in weighed if s > 0]
    weighed.sort(key=lambda cs: (-cs[1], cs[0].transit, cs[0].natal, cs[0].kind))
    return weighed[:limit]
