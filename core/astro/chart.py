"""The natal chart: positions, houses, angles, aspects and the balance of elements."""

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from core.astro import ephemeris
from core.astro.aspects import Aspect, OrbPolicy, aspects_within
from core.astro.ephemeris import PLANETS, Body
from core.astro.houses import Houses, compute_houses
from core.astro.places import check_coordinates
from core.astro.points import degree_claimed, part_of_fortune, south_node
from core.astro.sidereal import zodiac_flag
from core.astro.zodiac import (
    ELEMENTS,
    MODALITIES,
    degree_in_sign,
    format_degree_minute,
    sign_of,
)

CHIRON_MISSING_NOTE = (
    "Chiron is left out: it needs the Swiss Ephemeris asteroid file (seas_18.se1) in SE_EPHE_PATH; "
    "positions come from the built-in Moshier ephemeris."
)
TIME_UNKNOWN_NOTE = "Birth time unknown: positions at local noon; no houses, angles or Moon-degree claims."
DEFAULT_ORBS = OrbPolicy()  # shared, so its kind table is built once
ELEMENT_WEIGHTS: dict[str, int] = {"Sun": 2, "Moon": 2, "Ascendant": 2, "Midheaven": 1}
UNWEIGHED_POINTS = frozenset(
    {"True Node", "Mean Node", "South Node", "Chiron", "Mean Lilith", "True Lilith", "Part of Fortune"}
)  # points, not planets
# A point's weight in the balance: 0 for the points left out, 1 unless listed above.
BALANCE_WEIGHTS: dict[str, int] = {**ELEMENT_WEIGHTS, **dict.fromkeys(UNWEIGHED_POINTS, 0)}
LILITHS: dict[str, Body] = {"mean": Body.MEAN_LILITH, "true": Body.TRUE_LILITH}
BALANCE_GROUPS: tuple[str, ...] = (*ELEMENTS, *MODALITIES)
# Per sign, where its element and its modality stand in BALANCE_GROUPS: Aries → (fire, cardinal).
SIGN_SLOTS: tuple[tuple[int, int], ...] = tuple((i % 4, len(ELEMENTS) + i % 3) for i in range(12))
# The same by `longitude % 360 // 30` as it comes, a float: 12.0 stands for a longitude a hair below 0° (360.0).
SLOTS_BY_SIGN: dict[float, tuple[int, int]] = {float(i): SIGN_SLOTS[i % 12] for i in range(13)}


@dataclass(frozen=True)
class ChartRequest:
    """Everything a chart depends on; the instant is UT and already resolved from local time."""

    instant: dt.datetime
    latitude: float
    longitude: float
    time_known: bool = True
    house_system: str = "P"
    node: Body = Body.TRUE_NODE
    orbs: OrbPolicy = DEFAULT_ORBS
    zodiac: str = "tropical"  # or a sidereal ayanamsa from `sidereal.AYANAMSAS`
    lilith: str = ""  # "", "mean" or "true"
    south_node: bool = False
    part_of_fortune: bool = False


class ChartPoint(NamedTuple):  # a tuple: charts build many of these
    name: str
    glyph: str
    longitude: float
    latitude: float
    speed: float
    house: int | None

    @property
    def sign(self) -> str:
        return sign_of(self.longitude)

    @property
    def degree_in_sign(self) -> float:
        return degree_in_sign(self.longitude)

    @property
    def position(self) -> str:
        return format_degree_minute(self.longitude)

    @property
    def retrograde(self) -> bool:
        return self.speed < 0


@dataclass(frozen=True)
class Balance:
    """Weighted counts per element and modality, with the points behind each count and their weights."""

    elements: dict[str, int]
    modalities: dict[str, int]
    members: dict[str, tuple[tuple[str, int], ...]]  # element or modality → ((point, weight), ...)

    @property
    def dominant_element(self) -> str:
        return max(ELEMENTS, key=lambda e: (self.elements[e], -ELEMENTS.index(e)))

    @property
    def dominant_modality(self) -> str:
        return max(MODALITIES, key=lambda m: (self.modalities[m], -MODALITIES.index(m)))


@dataclass(frozen=True)
class NatalChart:
    """Positions, houses and notes, computed with the chart; its aspects and balance on first use.

    A caller that needs only positions (the daily G-Code, a progressed chart's quotidian base)
    does not pay for the aspect search and the balance; every other caller reads the same values
    as if they had been computed up front, since they depend on the fields alone.
    """

    request: ChartRequest
    points: tuple[ChartPoint, ...]
    houses: Houses | None
    notes: tuple[str, ...]
    # The points that take part in aspects (`aspect_points`): for most charts the points themselves.
    aspect_points: tuple[ChartPoint, ...] = field(repr=False)

    @cached_property
    def aspects(self) -> tuple[Aspect, ...]:
        """Every aspect between the aspect points under the request's orbs, closest to exact first."""
        return tuple(aspects_within(self.aspect_points, self.request.orbs))

    @cached_property
    def balance(self) -> Balance:
        return balance_of(self.points)

    def point(self, name: str) -> ChartPoint:
        return next(p for p in self.points if p.name == name)

    def names(self) -> list[str]:
        return [p.name for p in self.points]


def chart_bodies(node: Body, lilith: str = "") -> list[Body]:
    bodies = [*PLANETS, node]
    if ephemeris.chiron_available():
        bodies.append(Body.CHIRON)
    if lilith:
        bodies.append(LILITHS[lilith])
    return bodies


def body_points(jd_ut: float, bodies: list[Body], houses: Houses | None, flag: int = 0) -> list[ChartPoint]:
    """The bodies placed, each in its house (`house_of`, inlined; None without houses)."""
    values = ephemeris.ecliptic_values(jd_ut, bodies, flag)
    # tuple.__new__ skips the named tuple's Python-level constructor: the same value, at half the cost.
    # values: longitude, latitude, distance, then their speeds
    new = tuple.__new__
    if houses is None:
        return [
            new(ChartPoint, (body.label, body.glyph, value[0], value[1], value[3], None))
            for body, value in zip(bodies, values, strict=True)
        ]
    first, offsets = houses.cusps[0], houses.offsets
    return [
        new(
            ChartPoint,
            (body.label, body.glyph, value[0], value[1], value[3], bisect_right(offsets, (value[0] - first) % 360.0)),
        )
        for body, value in zip(bodies, values, strict=True)
    ]


def angle_points(houses: Houses) -> list[ChartPoint]:
    """The Ascendant and the Midheaven, each in its house."""
    first, offsets = houses.cusps[0], houses.offsets
    new = tuple.__new__  # as in `body_points`, and `house_of` inlined likewise
    return [
        new(ChartPoint, (name, glyph, longitude, 0.0, 0.0, bisect_right(offsets, (longitude - first) % 360.0)))
        for name, glyph, longitude in (("Ascendant", "AC", houses.ascendant), ("Midheaven", "MC", houses.midheaven))
    ]


def derived_points(
    request: ChartRequest, points: list[ChartPoint], houses: Houses | None, houses_of: Callable[[float], int | None]
) -> list[ChartPoint]:
    """The South Node and the Part of Fortune, when the person asked for them (the Part needs a birth time)."""
    found = []
    if request.south_node:
        node = next(p for p in points if p.name == request.node.label)
        longitude = south_node(node.longitude)
        found.append(ChartPoint("South Node", "☋", longitude, -node.latitude, node.speed, houses_of(longitude)))
    if request.part_of_fortune and houses is not None:
        sun, moon = (next(p for p in points if p.name == name).longitude for name in ("Sun", "Moon"))
        longitude = part_of_fortune(sun, moon, houses.ascendant)
        found.append(ChartPoint("Part of Fortune", "⊗", longitude, 0.0, 0.0, houses_of(longitude)))
    return found


def houses_finder(houses: Houses | None) -> Callable[[float], int | None]:
    """longitude → house number under `houses`; always None when the birth time is unknown."""
    if houses is None:
        return lambda _longitude: None
    first, offsets = houses.cusps[0], houses.offsets
    return lambda longitude: bisect_right(offsets, (longitude - first) % 360.0)  # `house_of`, its cusps read once


def balance_of(points: Iterable[ChartPoint]) -> Balance:
    """Weighted count of points per element and modality (luminaries and Ascendant count double)."""
    members: tuple[list[tuple[str, int]], ...] = ([], [], [], [], [], [], [])  # one per BALANCE_GROUPS
    totals = [0, 0, 0, 0, 0, 0, 0]
    weights, slots = BALANCE_WEIGHTS, SLOTS_BY_SIGN
    for point in points:
        name = point[0]
        weight = weights.get(name, 1)
        if weight:
            entry = (name, weight)
            element, modality = slots[point[2] % 360.0 // 30.0]  # `sign_index` of the longitude, as a float
            members[element].append(entry)
            members[modality].append(entry)
            totals[element] += weight
            totals[modality] += weight
    return Balance(
        dict(zip(ELEMENTS, totals, strict=False)),  # the first four
        dict(zip(MODALITIES, totals[len(ELEMENTS) :], strict=True)),
        dict(zip(BALANCE_GROUPS, map(tuple, members), strict=True)),
    )


def compute_natal_chart(request: ChartRequest) -> NatalChart:
    """The chart for a resolved birth moment and place."""
    check_coordinates(request.latitude, request.longitude)
    jd_ut = ephemeris.julian_day(request.instant)
    bodies = chart_bodies(request.node, request.lilith)
    if request.zodiac == "tropical":  # the common case needs no ayanamsa, so no lock
        houses, points = placed_bodies(request, jd_ut, bodies, 0)
    else:
        with zodiac_flag(request.zodiac) as flag:
            houses, points = placed_bodies(request, jd_ut, bodies, flag)
    if houses:
        points += angle_points(houses)
    if request.south_node or request.part_of_fortune:
        points += derived_points(request, points, houses, houses_finder(houses))
    placed = tuple(points)
    return NatalChart(request, placed, houses, chart_notes(request, houses, bodies), aspect_points(request, placed))


def aspect_points(request: ChartRequest, points: tuple[ChartPoint, ...]) -> tuple[ChartPoint, ...]:
    """The points whose aspects a chart lists.

    Without a birth time the Moon may be anywhere in a 13° arc: no aspects claimed for it.
    The South Node's aspects mirror the North Node's: listing both says the same thing twice.
    """
    time_known = request.time_known
    if request.south_node or not time_known:
        return tuple([p for p in points if p.name != "South Node" and degree_claimed(p.name, time_known)])
    return points


def chart_notes(request: ChartRequest, houses: Houses | None, bodies: list[Body]) -> tuple[str, ...]:
    """What a person should know about how the chart was computed: house fallback, unknown time, no Chiron."""
    notes = [houses.note] if houses and houses.note else []
    if not request.time_known:
        notes.append(TIME_UNKNOWN_NOTE)
    if Body.CHIRON not in bodies:
        notes.append(CHIRON_MISSING_NOTE)
    return tuple(notes)


def placed_bodies(
    request: ChartRequest, jd_ut: float, bodies: list[Body], flag: int
) -> tuple[Houses | None, list[ChartPoint]]:
    """Houses (with a birth time) and the bodies placed, in `flag`'s zodiac."""
    houses = None
    if request.time_known:
        houses = compute_houses(jd_ut, request.latitude, request.longitude, request.house_system, flag)
    return houses, body_points(jd_ut, bodies, houses, flag)
