"""Aspects between points: kinds, orbs, and whether an aspect is applying or separating."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product
from operator import itemgetter
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
ReachCell = tuple[tuple[float, float, str], ...]  # (angle, orb limit, kind name) of each kind in reach
Reach = tuple[ReachCell, ...]  # per whole degree of (a − b) mod 360
ORB = itemgetter(3)  # an Aspect's orb, as a sort key
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
    """Entry `d` holds the (angle, orb limit, kind name) of each kind a difference in [d, d + 1)° can fall within.

    Differences past 180° are separations the other way round (360 − d); entry 360 is there because
    a difference a hair below zero comes back from `% 360.0` as exactly 360.0.
    """
    limits = [(kind.angle, orbs[kind.name] + bonus, kind.name) for kind in kinds]
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
    the first listed on a tie.
    """
    plain, bonus = policy.reach
    found: list[Aspect] = []
    for (name_a, lon_a, speed_a, luminary_a), (name_b, lon_b, speed_b, luminary_b) in pairs:
        delta = (lon_a - lon_b) % 360.0
        candidates = (bonus if luminary_a or luminary_b else plain)[int(delta)]
        if candidates:  # most separations are far from every aspect angle
            add_aspect(found, name_a, name_b, delta, speed_a - speed_b, candidates)
    found.sort(key=ORB)
    return found


def add_aspect(
    found: list[Aspect], first: str, second: str, delta: float, relative_speed: float, candidates: ReachCell
) -> None:
    """Append the aspect a difference `delta` ((a − b) mod 360) makes with one of `candidates`, if any is in orb.

    `tuple.__new__` skips the named tuple's Python-level constructor; the test is `closing_in`'s, inlined.
    """
    if delta > 180.0:
        delta -= 360.0
    separation = -delta if delta < 0.0 else delta
    if len(candidates) == 1:  # the common case: one kind in reach
        angle, limit, name = candidates[0]
        past_exact = separation - angle
        orb = -past_exact if past_exact < 0.0 else past_exact
        if orb > limit:
            return
    else:
        chosen = nearest_in_orb(separation, candidates)
        if chosen is None:
            return
        angle, orb, name = chosen
        past_exact = separation - angle
    opening_rate = relative_speed if delta >= 0.0 else -relative_speed  # d|delta|/dt
    found.append(tuple.__new__(Aspect, (first, second, name, orb, past_exact * opening_rate < 0.0)))


def nearest_in_orb(separation: float, candidates: ReachCell) -> tuple[float, float, str] | None:
    """(angle, orb, kind name) of the kind nearest to exact within its orb, the first listed on a tie; or None."""
    best: tuple[float, float, str] | None = None
    for angle, limit, name in candidates:
        orb = separation - angle if separation >= angle else angle - separation
        if orb <= limit and (best is None or orb < best[1]):
            best = (angle, orb, name)
    return best


def aspects_of_pairs(pairs: Iterable[tuple[Placed, Placed]], policy: OrbPolicy) -> list[Aspect]:
    """The aspect of each pair that has one under `policy`, closest to exact first."""
    return aspects_of_rows(((row_of(a), row_of(b)) for a, b in pairs), policy)


def aspect_between(a: Placed, b: Placed, policy: OrbPolicy) -> Aspect | None:
    """The aspect between two points under `policy`, or None."""
    found = aspects_of_pairs([(a, b)], policy)
    return found[0] if found else None


def aspects_within(points: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect between pairs of one set of points (a natal chart)."""
    plain, bonus = policy.reach
    rows = rows_of(points)
    found: list[Aspect] = []
    for index, (name_a, lon_a, speed_a, luminary_a) in enumerate(rows, 1):
        table_a = bonus if luminary_a else None  # with a luminary, every pair of the row gets the bonus
        for name_b, lon_b, speed_b, luminary_b in rows[index:]:  # `aspects_of_rows`, with the rows unpacked once
            delta = (lon_a - lon_b) % 360.0
            candidates = (table_a or (bonus if luminary_b else plain))[int(delta)]
            if not candidates:
                continue
            if len(candidates) > 1:
                add_aspect(found, name_a, name_b, delta, speed_a - speed_b, candidates)
                continue
            # One kind in reach, the common case: `add_aspect`'s test inlined, for the pairs of every chart.
            angle, limit, name = candidates[0]
            if delta > 180.0:
                delta -= 360.0
            past_exact = (-delta if delta < 0.0 else delta) - angle
            orb = -past_exact if past_exact < 0.0 else past_exact
            if orb <= limit:
                relative_speed = speed_a - speed_b
                applying = past_exact * (relative_speed if delta >= 0.0 else -relative_speed) < 0.0
                found.append(tuple.__new__(Aspect, (name_a, name_b, name, orb, applying)))
    found.sort(key=ORB)
    return found


def aspects_across(movers: Sequence[Placed], fixed: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect from a moving set (transits) to a fixed set (natal points)."""
    return aspects_of_rows(product(rows_of(movers), rows_of(fixed)), policy)
