"""Charts built from other charts: the composite (midpoints) and the Davison (midpoint in time and space).

Composite houses use the derived-MC method: the composite MC is the midpoint of the two MCs,
its right ascension is taken on the ecliptic of the mean instant, and the cusps follow from
that ARMC at the mean of the two birth latitudes, in the requested house system.
"""

import datetime as dt
import math

import swisseph as swe

from core.astro import ephemeris
from core.astro.chart import ChartPoint, ChartRequest, NatalChart, angle_points, houses_finder
from core.astro.houses import Houses, with_fallback
from core.astro.points import degree_claimed
from core.astro.zodiac import normalize, signed_difference

COMPOSITE_HOUSES_NOTE = "Composite houses: derived MC (midpoint of the two MCs) at the mean birth latitude."
ANGLES = ("Ascendant", "Midheaven")


def midpoint(a: float, b: float) -> float:
    """The midpoint of two longitudes on the shorter arc between them (an exact opposition takes b + 90°)."""
    return normalize(b + signed_difference(a, b) / 2.0)


def mean_instant(a: dt.datetime, b: dt.datetime) -> dt.datetime:
    return a + (b - a) / 2


def mid_longitude(a: float, b: float) -> float:
    """The geographic longitude midway between two, on the shorter arc, in (−180, 180]."""
    return signed_difference(midpoint(a, b), 0.0)


def true_obliquity(jd_ut: float) -> float:
    """The true obliquity of the ecliptic at a Julian day (UT), in degrees."""
    values, _ = swe.calc_ut(jd_ut, swe.ECL_NUT, ephemeris.ephemeris_flag())
    return values[0]


def right_ascension_of(longitude: float, obliquity: float) -> float:
    """Right ascension of a point on the ecliptic (latitude 0), in degrees."""
    lam, eps = math.radians(longitude), math.radians(obliquity)
    return normalize(math.degrees(math.atan2(math.sin(lam) * math.cos(eps), math.cos(lam))))


def houses_from_armc(armc: float, latitude: float, obliquity: float, system: str) -> Houses:
    """Cusps and angles for a sidereal time (ARMC), with the Porphyry fallback where `system` fails."""
    cusps, ascmc, used, note = with_fallback(
        lambda code: swe.houses_armc(armc, latitude, obliquity, code), system, latitude
    )
    return Houses(used, system, tuple(cusps[:12]), ascmc[0], ascmc[1], note)


def assemble(request: ChartRequest, bodies: list[ChartPoint], houses: Houses | None, notes: list[str]) -> NatalChart:
    """A chart from given body positions and houses: house numbers, angles, aspects and balance follow."""
    houses_of = houses_finder(houses)
    points = [p._replace(house=houses_of(p.longitude)) for p in bodies if p.name not in ANGLES]
    if houses is not None:
        points += angle_points(houses)
        if houses.note:
            notes = [*notes, houses.note]
    aspect_points = tuple([p for p in points if degree_claimed(p.name, request.time_known)])
    return NatalChart(request, tuple(points), houses, tuple(notes), aspect_points)


def composite_chart(a: NatalChart, b: NatalChart) -> NatalChart:
    """Midpoints of the points both charts have; houses by the derived-MC method when both times are known."""
    request = ChartRequest(
        instant=mean_instant(a.request.instant, b.request.instant),
        latitude=(a.request.latitude + b.request.latitude) / 2,
        longitude=mid_longitude(a.request.longitude, b.request.longitude),
        time_known=a.request.time_known and b.request.time_known,
        house_system=a.request.house_system,
        orbs=a.request.orbs,
    )
    names_b = set(b.names())
    bodies = [
        ChartPoint(p.name, p.glyph, midpoint(p.longitude, q.longitude), 0.0, (p.speed + q.speed) / 2, None)
        for p in a.points
        if p.name not in ANGLES and p.name in names_b
        for q in (b.point(p.name),)
    ]
    houses = None
    notes = [COMPOSITE_HOUSES_NOTE]
    if a.houses is not None and b.houses is not None:
        jd = ephemeris.julian_day(request.instant)
        obliquity = true_obliquity(jd)
        mc = midpoint(a.houses.midheaven, b.houses.midheaven)
        houses = houses_from_armc(right_ascension_of(mc, obliquity), request.latitude, obliquity, request.house_system)
    else:
        notes = ["A birth time is unknown: the composite has no houses or angles."]
    return assemble(request, bodies, houses, notes)


def davison_request(a: ChartRequest, b: ChartRequest) -> ChartRequest:
    """The Davison chart's moment and place: the mean instant, mean latitude, longitude midway on the shorter arc."""
    return ChartRequest(
        instant=mean_instant(a.instant, b.instant),
        latitude=(a.latitude + b.latitude) / 2,
        longitude=mid_longitude(a.longitude, b.longitude),
        time_known=a.time_known and b.time_known,
        house_system=a.house_system,
        node=a.node,
        orbs=a.orbs,
    )
