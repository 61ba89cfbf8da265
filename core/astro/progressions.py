"""Secondary progressions: a day after birth for each year of life.

Progressed planets are the natal chart computed at the progressed instant (birth + age / 365.24219).
The progressed MC moves by the solar arc in right ascension: the MC's right ascension
(ARMC) advances by as much as the progressed Sun's right ascension has since birth, and the
other cusps follow from that ARMC at the birth latitude ("True Solar Arc in RA" in Solar
Fire's and AstroApp's lists of methods). The "quotidian" angles of the progressed instant
itself turn a full circle each progressed day and are not used.
"""

import datetime as dt
from dataclasses import dataclass, replace

import swisseph as swe

from core.astro import ephemeris
from core.astro.aspects import TRANSIT_ORBS, Aspect, OrbPolicy, aspects_across
from core.astro.chart import ChartRequest, NatalChart, compute_natal_chart
from core.astro.derived import ANGLES, assemble, houses_from_armc, true_obliquity
from core.astro.ephemeris import Body
from core.astro.points import degree_claimed
from core.astro.returns import refine
from core.astro.sky import phase_name
from core.astro.zodiac import normalize, sign_index, sign_of

TROPICAL_YEAR_DAYS = 365.24219  # one day of progression per tropical year of life
PROGRESSED_ORB = 1.0  # progressed-to-natal aspects count within a degree (about a year either side)
PROGRESSED_POLICY = OrbPolicy(orbs=dict.fromkeys(TRANSIT_ORBS, PROGRESSED_ORB), luminary_bonus=0.0)


@dataclass(frozen=True)
class Progression:
    on: dt.datetime  # the moment of life progressed to
    progressed_at: dt.datetime  # the ephemeris instant whose sky stands for it
    chart: NatalChart
    moon_sign: str
    moon_phase: str
    moon_sign_until: dt.datetime  # the moment of life when the progressed Moon enters the next sign
    next_moon_sign: str
    aspects: tuple[Aspect, ...]  # progressed (first) to natal (second)


def progressed_instant(birth: dt.datetime, on: dt.datetime) -> dt.datetime:
    return birth + (on - birth) / TROPICAL_YEAR_DAYS


def life_instant(birth: dt.datetime, progressed: dt.datetime) -> dt.datetime:
    """The moment of life that a progressed instant stands for (the inverse of `progressed_instant`)."""
    return birth + (progressed - birth) * TROPICAL_YEAR_DAYS


def right_ascension(jd_ut: float, body: Body) -> float:
    values, _ = swe.calc_ut(jd_ut, body.swe_id, ephemeris.ephemeris_flag() | swe.FLG_EQUATORIAL)
    return values[0]


def natal_armc(jd_ut: float, latitude: float, longitude: float) -> float:
    _, ascmc = swe.houses_ex(jd_ut, latitude, longitude, b"E")
    return ascmc[2]


def progressed_chart(natal: ChartRequest, progressed_at: dt.datetime) -> NatalChart:
    """The chart at the progressed instant, its angles and cusps moved by the solar arc in right ascension."""
    request = ChartRequest(progressed_at, natal.latitude, natal.longitude, natal.time_known,
                           natal.house_system, natal.node, natal.orbs)  # fmt: skip
    quotidian = compute_natal_chart(request)
    if not natal.time_known:
        return quotidian
    birth_jd, jd = ephemeris.julian_day(natal.instant), ephemeris.julian_day(progressed_at)
    arc = normalize(right_ascension(jd, Body.SUN) - right_ascension(birth_jd, Body.SUN))
    armc = normalize(natal_armc(birth_jd, natal.latitude, natal.longitude) + arc)
    houses = houses_from_armc(armc, natal.latitude, true_obliquity(jd), natal.house_system)
    notes = [n for n in quotidian.notes if quotidian.houses is None or n != quotidian.houses.note]
    chart = assemble(request, list(quotidian.points), houses, notes)
    # Angles moved by the solar arc travel at the Sun's pace; saying so lets aspects to them apply or separate.
    sun_speed = chart.point("Sun").speed
    points = tuple(p._replace(speed=sun_speed) if p.name in ANGLES else p for p in chart.points)
    return replace(chart, points=points)


def moon_sign_change(birth: dt.datetime, progressed_at: dt.datetime, moon_longitude: float) -> dt.datetime:
    """The moment of life when the progressed Moon reaches the next sign (about 2½ years per sign)."""
    boundary = normalize((sign_index(moon_longitude) + 1) * 30.0)
    jd = ephemeris.julian_day(progressed_at)
    # The Moon moves 11.8°–15.4° a day: the boundary is at most 30° (2.6 days) ahead.
    crossing = refine(Body.MOON, boundary, jd, jd + (boundary - moon_longitude) % 360.0 / 13.2)
    return life_instant(birth, ephemeris.instant_from_julian_day(crossing))


def progress(natal: NatalChart, on: dt.datetime, policy: OrbPolicy = PROGRESSED_POLICY) -> Progression:
    """Progressed chart, the progressed Moon's sign, phase and next ingress, and progressed-to-natal aspects.

    A point's distance from its own natal place measures its motion, not an aspect: those pairs are left out.
    """
    birth = natal.request.instant
    progressed_at = progressed_instant(birth, on)
    chart = progressed_chart(natal.request, progressed_at)
    sun, moon = chart.point("Sun").longitude, chart.point("Moon").longitude
    until = moon_sign_change(birth, progressed_at, moon)
    known = natal.request.time_known
    movers = [p for p in chart.points if degree_claimed(p.name, known)]
    fixed = [p._replace(speed=0.0) for p in natal.points if degree_claimed(p.name, known)]
    return Progression(
        on, progressed_at, chart, sign_of(moon), phase_name(normalize(moon - sun)), until,
        sign_of(moon + 30.0), tuple(a for a in aspects_across(movers, fixed, policy) if a.first != a.second),
    )  # fmt: skip
