"""Aspects between points: kinds, orbs, and whether an aspect is applying or separating."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from core.astro.zodiac import angular_distance, signed_difference


@dataclass(frozen=True)
class AspectKind:
    name: str
    angle: float
    nature: str  # "harmonious", "tense" or "neutral"
    major: bool
    glyph: str


ASPECT_KINDS: tuple[AspectKind, ...] = (
    AspectKind("conjunction", 0.0, "neutral", True, "☌"),
    AspectKind("opposition", 180.0, "tense", True, "☍"),
    AspectKind("trine", 120.0, "harmonious", True, "△"),
    AspectKind("square", 90.0, "tense", True, "□"),
    AspectKind("sextile", 60.0, "harmonious", True, "⚹"),
    AspectKind("quincunx", 150.0, "tense", False, "⚻"),
    AspectKind("semisextile", 30.0, "harmonious", False, "⚺"),
    AspectKind("semisquare", 45.0, "tense", False, "∠"),
    AspectKind("sesquiquadrate", 135.0, "tense", False, "⚼"),
    AspectKind("quintile", 72.0, "harmonious", False, "Q"),
    AspectKind("biquintile", 144.0, "harmonious", False, "bQ"),
)
KIND_BY_NAME: dict[str, AspectKind] = {kind.name: kind for kind in ASPECT_KINDS}

NATAL_ORBS: dict[str, float] = {
    "conjunction": 8.0, "opposition": 8.0, "trine": 7.0, "square": 7.0, "sextile": 5.0,
    "quincunx": 3.0, "semisextile": 2.0, "semisquare": 2.0, "sesquiquadrate": 2.0,
    "quintile": 1.5, "biquintile": 1.5,
}  # fmt: skip
TRANSIT_ORBS: dict[str, float] = {
    "conjunction": 3.0, "opposition": 3.0, "trine": 2.5, "square": 2.5, "sextile": 2.0,
    "quincunx": 1.0, "semisextile": 1.0, "semisquare": 1.0, "sesquiquadrate": 1.0,
    "quintile": 0.75, "biquintile": 0.75,
}  # fmt: skip
LUMINARY_BONUS = 2.0  # natal aspects to the Sun or Moon get a wider orb
LUMINARIES = frozenset({"Sun", "Moon"})


@dataclass(frozen=True)
class OrbPolicy:
    """Orbs per aspect kind; minors only when asked for."""

    orbs: Mapping[str, float] = field(default_factory=lambda: dict(NATAL_ORBS))
    include_minor: bool = False
    luminary_bonus: float = LUMINARY_BONUS

    def kinds(self) -> tuple[AspectKind, ...]:
        return tuple(k for k in ASPECT_KINDS if (k.major or self.include_minor) and k.name in self.orbs)

    def bonus_for(self, first: str, second: str) -> float:
        """Extra orb when either point is a luminary."""
        return self.luminary_bonus if first in LUMINARIES or second in LUMINARIES else 0.0

    def orb_for(self, kind: AspectKind, first: str, second: str) -> float:
        return self.orbs[kind.name] + self.bonus_for(first, second)

    @cached_property
    def _buckets(self) -> tuple[tuple[tuple[AspectKind, float], ...], ...]:
        """(kind, orb) pairs reachable from each whole degree of separation, built once per policy."""
        table = [(kind, self.orbs[kind.name]) for kind in self.kinds()]
        reach = self.luminary_bonus + 1.0
        return tuple(
            tuple((k, orb) for k, orb in table if abs(k.angle - degree) <= orb + reach) for degree in range(181)
        )

    def candidates(self, separation: float) -> tuple[tuple[AspectKind, float], ...]:
        """The few (kind, orb) pairs that a separation of 0–180° could fall within."""
        return self._buckets[int(separation)]


@dataclass(frozen=True)
class Point:
    """A point taking part in aspects: name, longitude and daily speed (0 for fixed natal points)."""

    name: str
    longitude: float
    speed: float = 0.0


@dataclass(frozen=True)
class Aspect:
    first: str
    second: str
    kind: str
    orb: float  # degrees from exact, always >= 0
    applying: bool

    @property
    def nature(self) -> str:
        return KIND_BY_NAME[self.kind].nature


def match_kind(
    separation: float, table: tuple[tuple[AspectKind, float], ...], bonus: float
) -> tuple[AspectKind, float] | None:
    """The aspect kind nearest to exact within its orb (plus `bonus`), if any."""
    best = None
    for kind, orb_limit in table:
        orb = abs(separation - kind.angle)
        if orb <= orb_limit + bonus and (best is None or orb < best[1]):
            best = (kind, orb)
    return best


def is_applying(a: Point, b: Point, kind: AspectKind) -> bool:
    """True when the relative motion is bringing the pair closer to the exact angle."""
    delta = signed_difference(a.longitude, b.longitude)
    relative_speed = a.speed - b.speed
    distance_now = abs(abs(delta) - kind.angle)
    step = 1e-3
    moved = signed_difference(a.longitude + relative_speed * step, b.longitude)
    return abs(abs(moved) - kind.angle) < distance_now


def aspect_between(a: Point, b: Point, policy: OrbPolicy) -> Aspect | None:
    """The aspect between two points under `policy`, or None."""
    separation = angular_distance(a.longitude, b.longitude)
    found = match_kind(separation, policy.candidates(separation), policy.bonus_for(a.name, b.name))
    if found is None:
        return None
    kind, orb = found
    return Aspect(a.name, b.name, kind.name, orb, is_applying(a, b, kind))


def aspects_within(points: list[Point], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect between pairs of one set of points (a natal chart)."""
    found = []
    for index, a in enumerate(points):
        for b in points[index + 1 :]:
            aspect = aspect_between(a, b, policy)
            if aspect is not None:
                found.append(aspect)
    return sorted(found, key=lambda x: x.orb)


def aspects_across(movers: list[Point], fixed: list[Point], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect from a moving set (transits) to a fixed set (natal points)."""
    found = [a for m in movers for f in fixed if (a := aspect_between(m, f, policy)) is not None]
    return sorted(found, key=lambda x: x.orb)
