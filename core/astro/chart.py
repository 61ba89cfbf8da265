"""The natal chart: positions, houses, angles, aspects and the balance of elements."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from core.astro import ephemeris
from core.astro.aspects import Aspect, OrbPolicy, Point, aspects_within
from core.astro.ephemeris import PLANETS, Body
from core.astro.houses import Houses, compute_houses, house_of
from core.astro.places import check_coordinates
from core.astro.zodiac import (
    ELEMENTS,
    MODALITIES,
    degree_in_sign,
    element_of,
    format_degree_minute,
    modality_of,
    sign_of,
)

CHIRON_MISSING_NOTE = (
    "Chiron is left out: it needs the Swiss Ephemeris asteroid file (seas_18.se1) in SE_EPHE_PATH; "
    "positions come from the built-in Moshier ephemeris."
)
TIME_UNKNOWN_NOTE = "Birth time unknown: positions at local noon; no houses, angles or Moon-degree claims."
DEFAULT_ORBS = OrbPolicy()  # shared, so its kind table is built once
ELEMENT_WEIGHTS: dict[str, int] = {"Sun": 2, "Moon": 2, "Ascendant": 2, "Midheaven": 1}


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


@dataclass(frozen=True)
class ChartPoint:
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
    elements: dict[str, int]
    modalities: dict[str, int]

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


def chart_bodies(node: Body) -> list[Body]:
    bodies = [*PLANETS, node]
    if ephemeris.chiron_available():
        bodies.append(Body.CHIRON)
    return bodies


def body_points(jd_ut: float, bodies: list[Body], houses: Houses | None) -> list[ChartPoint]:
    points = []
    for body in bodies:
        state = ephemeris.body_state(jd_ut, body)
        house = house_of(state.longitude, houses.cusps) if houses else None
        points.append(ChartPoint(body.label, body.glyph, state.longitude, state.latitude, state.speed, house))
    return points


def angle_points(houses: Houses) -> list[ChartPoint]:
    return [
        ChartPoint("Ascendant", "AC", houses.ascendant, 0.0, 0.0, house_of(houses.ascendant, houses.cusps)),
        ChartPoint("Midheaven", "MC", houses.midheaven, 0.0, 0.0, house_of(houses.midheaven, houses.cusps)),
    ]


def balance_of(points: list[ChartPoint]) -> Balance:
    """Weighted count of points per element and modality (luminaries and Ascendant count double)."""
    elements: Counter[str] = Counter(dict.fromkeys(ELEMENTS, 0))
    modalities: Counter[str] = Counter(dict.fromkeys(MODALITIES, 0))
    for point in points:
        if point.name in ("True Node", "Mean Node", "Chiron"):
            continue
        weight = ELEMENT_WEIGHTS.get(point.name, 1)
        elements[element_of(point.sign)] += weight
        modalities[modality_of(point.sign)] += weight
    return Balance(dict(elements), dict(modalities))


def compute_natal_chart(request: ChartRequest) -> NatalChart:
    """The chart for a resolved birth moment and place."""
    check_coordinates(request.latitude, request.longitude)
    jd_ut = ephemeris.julian_day(request.instant)
    notes: list[str] = []
    houses = None
    if request.time_known:
        houses = compute_houses(jd_ut, request.latitude, request.longitude, request.house_system)
        if houses.note:
            notes.append(houses.note)
    else:
        notes.append(TIME_UNKNOWN_NOTE)
    bodies = chart_bodies(request.node)
    if Body.CHIRON not in bodies:
        notes.append(CHIRON_MISSING_NOTE)
    points = body_points(jd_ut, bodies, houses)
    if houses:
        points += angle_points(houses)
    aspect_points = [Point(p.name, p.longitude, p.speed) for p in points if request.time_known or p.name != "Moon"]
    aspects = aspects_within(aspect_points, request.orbs)
    return NatalChart(request, tuple(points), houses, tuple(aspects), balance_of(points), tuple(notes))
