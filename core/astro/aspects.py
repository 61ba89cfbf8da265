"""Aspects between points: kinds, orbs, and whether an aspect is applying or separating."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations, product
from operator import attrgetter
from typing import NamedTuple, Protocol


@dataclass(frozen=True)
class AspectKind:
    name: str
    angle: float
    nature: str  # "harmonious", "tense" or "neutral"
    major: bool
    glyph: str


# Glyphs DejaVu Sans draws (the page's and the PNG's font): it has no ⚹ ⚺ ⚻ ⚼, so the common
# stand-ins are used for the sextile and the minor aspects.
ASPECT_KINDS: tuple[AspectKind, ...] = (
    AspectKind("conjunction", 0.0, "neutral", True, "☌"),
    AspectKind("opposition", 180.0, "tense", True, "☍"),
    AspectKind("trine", 120.0, "harmonious", True, "△"),
    AspectKind("square", 90.0, "tense", True, "□"),
    AspectKind("sextile", 60.0, "harmonious", True, "✶"),
    AspectKind("quincunx", 150.0, "tense", False, "⊼"),
    AspectKind("semisextile", 30.0, "harmonious", False, "∨"),
    AspectKind("semisquare", 45.0, "tense", False, "∠"),
    AspectKind("sesquiquadrate", 135.0, "tense", False, "⊡"),
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
    def buckets(self) -> tuple[tuple[tuple[AspectKind, float], ...], ...]:
        """(kind, orb) pairs reachable from each whole degree of separation, built once per policy."""
        table = [(kind, self.orbs[kind.name]) for kind in self.kinds()]
        reach = self.luminary_bonus + 1.0
        return tuple(
            tuple((k, orb) for k, orb in table if abs(k.angle - degree) <= orb + reach) for degree in range(181)
        )


class Placed(Protocol):
    """Anything with a name, an ecliptic longitude and a daily speed can take part in aspects."""

    @property
    def name(self) -> str: ...
    @property
    def longitude(self) -> float: ...
    @property
    def speed(self) -> float: ...


@dataclass(frozen=True)
class Point:
    """A point taking part in aspects: name, longitude and daily speed (0 for fixed natal points)."""

    name: str
    longitude: float
    speed: float = 0.0


class Aspect(NamedTuple):  # a tuple: charts and day reports build many of these
    first: str
    second: str
    kind: str
    orb: float  # degrees from exact, always >= 0
    applying: bool

    @property
    def nature(self) -> str:
        return KIND_BY_NAME[self.kind].nature


def closing_in(delta: float, relative_speed: float, angle: float) -> bool:
    """Whether a separation `delta` (a − b, in (−180, 180]) changing at `relative_speed` nears `angle`."""
    past_exact = abs(delta) - angle
    opening_rate = relative_speed if delta >= 0 else -relative_speed  # d|delta|/dt
    return past_exact * opening_rate < 0


def closest_kind(
    separation: float, candidates: tuple[tuple[AspectKind, float], ...], bonus: float
) -> tuple[AspectKind, float] | None:
    """The aspect kind nearest to exact within its orb (plus `bonus`), with that orb; or None."""
    best = None
    for kind, orb_limit in candidates:
        orb = abs(separation - kind.angle)
        if orb <= orb_limit + bonus and (best is None or orb < best[1]):
            best = (kind, orb)
    return best


def aspects_of_pairs(pairs: Iterable[tuple[Placed, Placed]], policy: OrbPolicy) -> list[Aspect]:
    """The aspect of each pair that has one under `policy`, closest to exact first."""
    buckets, bonus_for = policy.buckets, policy.bonus_for
    found = []
    for a, b in pairs:  # the hot loop of every chart: kept to plain arithmetic
        delta = (a.longitude - b.longitude) % 360.0
        if delta > 180.0:
            delta -= 360.0
        separation = abs(delta)
        candidates = buckets[int(separation)]
        if not candidates:  # most separations are far from every aspect angle
            continue
        match = closest_kind(separation, candidates, bonus_for(a.name, b.name))
        if match is not None:
            kind, orb = match
            applying = closing_in(delta, a.speed - b.speed, kind.angle)
            found.append(Aspect(a.name, b.name, kind.name, orb, applying))
    found.sort(key=attrgetter("orb"))
    return found


def aspect_between(a: Placed, b: Placed, policy: OrbPolicy) -> Aspect | None:
    """The aspect between two points under `policy`, or None."""
    found = aspects_of_pairs([(a, b)], policy)
    return found[0] if found else None


def aspects_within(points: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect between pairs of one set of points (a natal chart)."""
    return aspects_of_pairs(combinations(points, 2), policy)


def aspects_across(movers: Sequence[Placed], fixed: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect from a moving set (transits) to a fixed set (natal points)."""
    return aspects_of_pairs(product(movers, fixed), policy)
