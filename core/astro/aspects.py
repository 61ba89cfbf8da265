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
Candidate = tuple[float, float, str]  # (angle, orb limit, kind name) of a kind in reach
ReachCell = tuple[Candidate, ...]
PairCell = Candidate | tuple[()]  # (centre, orb limit, kind name) of the one kind in reach (`pair_cell`), or none
WORK_IT_OUT: Candidate = (0.0, -1.0, "")  # no orb is within −1°: `add_aspect` decides among the pair's choices
ORB = itemgetter(3)  # an Aspect's orb, as a sort key
# A point as the pair loops read it: name, longitude, daily speed, and its codes as the first and as the
# second of a pair (`pair_codes`).
Row = tuple[str, float, float, int, int]
# A pair's key, first's code − second's code, is the whole-degree difference of the two longitudes plus
# LUMINARY_KEY for each luminary in the pair: the key alone picks the cell of kinds in reach, bonus included.
LUMINARY_KEY = 1000
PAIR_TABLE_SIZE = 3 * LUMINARY_KEY  # keys run from −359 (no luminary) to 2 × LUMINARY_KEY + 359 (both)


class PairTable(NamedTuple):
    """Per pair key (see `pair_codes`): the quick test of the pair (`cells`), and every kind in reach (`choices`).

    A Python sequence takes a negative index from its end, so the keys below zero (first behind
    second, no luminary) find their entries at the end of the table.
    """

    cells: tuple[PairCell, ...]
    choices: tuple[ReachCell, ...]


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
    def pair_table(self) -> PairTable:
        """The kinds in reach of each pair key, built once per policy."""
        kinds = self.kinds()
        plain, bonus = reach_cells(kinds, self.orbs, 0.0), reach_cells(kinds, self.orbs, self.luminary_bonus)
        choices: list[ReachCell] = [()] * PAIR_TABLE_SIZE
        for difference in range(-359, 360):
            choices[difference] = plain[difference % 360]
            choices[LUMINARY_KEY + difference] = choices[2 * LUMINARY_KEY + difference] = bonus[difference % 360]
        cells = [pair_cell(key, candidates) for key, candidates in enumerate(choices)]
        return PairTable(tuple(cells), tuple(choices))


def pair_cell(key: int, candidates: ReachCell) -> PairCell:
    """The quick test of the pairs with this key, when one kind is in reach.

    A pair's m = (a − b) mod 360 lies within a degree of the key's whole-degree difference. While
    m stays below 180° the separation is m, and the kind's orb |m − angle|; above, the separation
    is 360° − m, and the same orb is |m − (360° − angle)|, with the sign of m − centre telling
    applying from separating either way. So a cell holds that centre. Where m may fall on either
    side of 0° or 180° (an opposition's centre is 180° on both sides of 180°), or several kinds are
    in reach, the cell is WORK_IT_OUT.
    """
    if not candidates:
        return ()
    degree = key % LUMINARY_KEY  # the whole-degree difference, mod 1000 (a negative key counts from the end)
    degree = (degree if degree < LUMINARY_KEY // 2 else degree - LUMINARY_KEY) % 360
    angle, limit, name = candidates[0]
    if len(candidates) > 1 or degree in (359, 0, 1) or (degree in (179, 180, 181) and angle != 180.0):
        return WORK_IT_OUT
    return (angle if degree < 180 else 360.0 - angle, limit, name)


def reach_cells(kinds: Iterable[AspectKind], orbs: Mapping[str, float], bonus: float) -> tuple[ReachCell, ...]:
    """Cell `d` holds the kinds that a difference within a degree of `d` (mod 360) may be within orb of.

    Two longitudes whose whole degrees differ by `d` differ by less than `d` ± 1; a separation moves no
    faster than the difference, so a kind further than its orb + 1° from `d`'s separation is out of reach.
    The margin past 1° absorbs rounding in a longitude's whole degree.
    """
    limits = [(kind.angle, orbs[kind.name] + bonus, kind.name) for kind in kinds]
    return tuple(
        tuple(entry for entry in limits if abs(entry[0] - min(d, 360 - d)) <= entry[1] + 1.0 + 1e-6) for d in range(360)
    )


def pair_codes(name: str, longitude: float) -> tuple[int, int]:
    """A point's codes as the first and as the second of a pair: its whole degree in [0, 360), ± LUMINARY_KEY."""
    degree = int(longitude % 360.0) % 360  # % 360 again: a longitude a hair below 0 comes back as 360.0
    luminary = LUMINARY_KEY if name in LUMINARIES else 0
    return degree + luminary, degree - luminary


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
    name, longitude = point.name, point.longitude
    return (name, longitude, point.speed, *pair_codes(name, longitude))


def rows_of(points: Iterable[Placed]) -> list[Row]:
    """Points as plain tuples, read once: the pair loop then touches no attributes."""
    rows = []
    for point in points:  # `row_of`, without two calls each
        name, longitude = point.name, point.longitude
        degree = int(longitude % 360.0) % 360
        luminary = LUMINARY_KEY if name in LUMINARIES else 0
        rows.append((name, longitude, point.speed, degree + luminary, degree - luminary))
    return rows


def aspects_of_rows(pairs: Iterable[tuple[Row, Row]], policy: OrbPolicy) -> list[Aspect]:
    """The aspect of each pair of rows that has one under `policy`, closest to exact first.

    The nearest kind within its orb wins, the first listed on a tie. Most pairs are far from every
    aspect angle: their key finds an empty cell, and no arithmetic on their longitudes is done.
    """
    cells, choices = policy.pair_table
    found: list[Aspect] = []
    for (name_a, lon_a, speed_a, key_a, _), (name_b, lon_b, speed_b, _, key_b) in pairs:
        key = key_a - key_b
        if cells[key]:
            add_aspect(found, name_a, name_b, (lon_a - lon_b) % 360.0, speed_a - speed_b, choices[key])
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
    cells, choices = policy.pair_table
    rows = rows_of(points)
    found: list[Aspect] = []
    append, new = found.append, tuple.__new__  # tuple.__new__ skips the named tuple's Python-level constructor
    for index, (name_a, lon_a, speed_a, key_a, _) in enumerate(rows, 1):
        for row_b in rows[index:]:  # `aspects_of_rows`, with the second row unpacked only for a pair in reach
            cell = cells[key_a - row_b[4]]
            if not cell:
                continue
            centre, limit, name = cell
            name_b, lon_b, speed_b, _, key_b = row_b
            past_exact = (lon_a - lon_b) % 360.0 - centre  # see `pair_cell`
            orb = -past_exact if past_exact < 0.0 else past_exact
            if orb <= limit:
                append(new(Aspect, (name_a, name_b, name, orb, past_exact * (speed_a - speed_b) < 0.0)))
            elif limit < 0.0:  # WORK_IT_OUT
                add_aspect(found, name_a, name_b, (lon_a - lon_b) % 360.0, speed_a - speed_b, choices[key_a - key_b])
    found.sort(key=ORB)
    return found


def aspects_across(movers: Sequence[Placed], fixed: Sequence[Placed], policy: OrbPolicy) -> list[Aspect]:
    """Every aspect from a moving set (transits) to a fixed set (natal points)."""
    return aspects_of_rows(product(rows_of(movers), rows_of(fixed)), policy)
