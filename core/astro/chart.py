"""The natal chart: positions, houses, angles, aspects and the balance of elements."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from core.astro import ephemeris
from core.astro.aspects import Aspect, OrbPolicy, aspects_within
from core.astro.ephemeris import PLANETS, Body
from core.astro.houses import Houses, compute_houses, cusp_offsets, house_of
from core.astro.places import check_coordinates
from core.astro.points import degree_claimed, part_of_fortune, south_node
from core.astro.sidereal import zodiac_flag
from core.astro.zodiac import (
    ELEMENTS,
    MODALITIES,
    degree_in_sign,
    format_degree_minute,
    sign_index,
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
LILITHS: dict[str, Body] = {"mean": Body.MEAN_LILITH, "true": Body.TRUE_LILITH}


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
    request: ChartRequest
    points: tuple[ChartPoint, ...]
    houses: Houses | None
    aspects: tuple[Aspect, ...]
    balance: Balance
    notes: tuple[str, ...]

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


def body_points(
    jd_ut: float, bodies: list[Body], houses_of: Callable[[float], int | None], flag: int = 0
) -> list[ChartPoint]:
    states = ephemeris.body_states(jd_ut, bodies, flag)
    return [
        ChartPoint(body.label, body.glyph, state.longitude, state.latitude, state.speed, houses_of(state.longitude))
        for body, state in zip(bodies, states, strict=True)
    ]


def angle_points(houses: Houses, houses_of: Callable[[float], int | None]) -> list[ChartPoint]:
    return [
        ChartPoint(name, glyph, longitude, 0.0, 0.0, houses_of(longitude))
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
    offsets = cusp_offsets(houses.cusps)
    return lambda longitude: house_of(longitude, houses.cusps, offsets)


def balance_of(points: list[ChartPoint]) -> Balance:
    """Weighted count of points per element and modality (luminaries and Ascendant count double)."""
    members: dict[str, list[tuple[str, int]]] = {name: [] for name in (*ELEMENTS, *MODALITIES)}
    for point in points:
        if point.name in UNWEIGHED_POINTS:
            continue
        weight = ELEMENT_WEIGHTS.get(point.name, 1)
        sign = sign_index(point.longitude)
        members[ELEMENTS[sign % 4]].append((point.name, weight))
        members[MODALITIES[sign % 3]].append((point.name, weight))
    elements = {e: sum(w for _, w in members[e]) for e in ELEMENTS}
    modalities = {m: sum(w for _, w in members[m]) for m in MODALITIES}
    return Balance(elements, modalities, {name: tuple(found) for name, found in members.items()})


def compute_natal_chart(request: ChartRequest) -> NatalChart:
    """The chart for a resolved birth moment and place."""
    check_coordinates(request.latitude, request.longitude)
    jd_ut = ephemeris.julian_day(request.instant)
    notes: list[str] = []
    houses = None
    bodies = chart_bodies(request.node, request.lilith)
    with zodiac_flag(request.zodiac) as flag:
        if request.time_known:
            houses = compute_houses(jd_ut, request.latitude, request.longitude, request.house_system, flag)
        houses_of = houses_finder(houses)
        points = body_points(jd_ut, bodies, houses_of, flag)
    notes += [houses.note] if houses and houses.note else []
    notes += [] if request.time_known else [TIME_UNKNOWN_NOTE]
    if Body.CHIRON not in bodies:
        notes.append(CHIRON_MISSING_NOTE)
    if houses:
        points += angle_points(houses, houses_of)
    points += derived_points(request, points, houses, houses_of)
    # Without a birth time the Moon may be anywhere in a 13° arc: no aspects claimed for it.
    # The South Node's aspects mirror the North Node's: listing both says the same thing twice.
    aspect_points = [p for p in points if p.name != "South Node" and degree_claimed(p.name, request.time_known)]
    aspects = aspects_within(aspect_points, request.orbs)
    return NatalChart(request, tuple(points), houses, tuple(aspects), balance_of(points), tuple(notes))
