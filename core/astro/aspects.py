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
Reach = tuple[tuple[tuple[float, float, AspectKind], ...], ...]  # per whole degree: (angle, orb limit, kind)
Row = tuple[str, float, float, bool]  # name, longitude, daily speed, is a luminary: a point as the hot loop reads it


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
    def reach(self) -> tuple[Reach, Reach]:
        """The kinds each whole degree of (a − b) mod 360 can reach, built once per policy: without, with the bonus."""
        kinds = self.kinds()
        return reach_table(kinds, self.orbs, 0.0), reach_table(kinds, self.orbs, self.luminary_bonus)


def reach_table(kinds: Iterable[AspectKind], orbs: Mapping[str, float], bonus: float) -> Reach:
    """Entry `d` holds the (angle, orb limit, kind) of each kind a difference in [d, d + 1) degrees can fall within.

    Differences past 180° are separations the other way round (360 − d); entry 360 is there because
    a difference a hair below zero comes back from `% 360.0` as exactly 360.0.
    """
    limits = [(kind.angle, orbs[kind.name] + bonus, kind) for kind in kinds]
    return tuple(
        tuple(entry for entry in limits if abs(entry[0] - nearest_separation(degree)) <= entry[1] + 0.5 + 1e-9)
        for degree in range(361)
    )


def nearest_separation(degree: int) -> float:
    """The middle of the separations that a difference in [degree, degree + 1) stands for."""
    return degree + 0.5 if degree < 180 else 359.5 - degree


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


def row_of(point: Placed) -> Row:
    return point.name, point.longitude, point.speed, point.name in LUMINARIES


def rows_of(points: Iterable[Placed]) -> list[Row]:
    """Points as plain tuples, read once: the pair loop then touches no attributes."""
    return [(p.name, p.longitude, p.speed, p.name in LUMINARIES) for p in points]  # `row_of`, without a call each


def aspects_of_rows(pairs: Iterable[tuple[Row, Row]], policy: OrbPolicy) -> list[Aspect]:
    """The aspect of each pair of rows that has one under `policy`, closest to exact first.

    The hot loop of every chart, kept to plain arithmetic: the nearest kind within its orb wins,
    the first listed on a tie. `tuple.__new__` skips the named tuple's Python-level constructor.
    """
    tables = policy.reach
    found = []
    for a, b in pairs:  # rows read by index: most pairs are dismissed by their first three reads
        delta = (a[1] - b[1]) % 360.0
        candidates = tables[a[3] or b[3]][int(delta)]
        if not candidates:  # most separations are far from every aspect angle
            continue
        if delta > 180.0:
            delta -= 360.0
        separation = -delta if delta < 0.0 else delta
        best: AspectKind | None = None
        best_orb = 0.0
        for angle, limit, kind in candidates:
            orb = separation - angle if separation >= angle else angle - separation
            if orb <= limit and (best is None or orb < best_orb):
                best, best_orb = kind, orb
        if best is not None:
            applying = closing_in(delta, a[2] - b[2], best.angle)
            found.append(tuple.__new__(Aspect, (a[0], b[0], best.name, best_orb, applying)))
    found.sort(key=attrgetter("orb"))
    return found


def aspects_of_pairs(pairs: Iterable[tuple[Placed, Placed]], policy: OrbPolicy) -> list[Aspect]:
    """The aspect of each pair that has one under `policy`, closest to exact first."""
    return aspects_of_rows(((row_of(a), row_of(b)) for a, b in pairs), policy)


def aspect_between(a: Placed, b: Placed, policy: OrbPolicy) -> Aspect | None:
    """The aspect between two points under `policy`, or None."""
    found = aspects_of_pairs([(a, b)], policy)
    return found[0] if found else None


def aspects_within(points: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect between pairs of one set of points (a natal chart)."""
    return aspects_of_rows(combinations(rows_of(points), 2), policy)


def aspects_across(movers: Sequence[Placed], fixed: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect from a moving set (transits) to a fixed set (natal points)."""
    return aspects_of_rows(product(rows_of(movers), rows_of(fixed)), policy)
