"""Secondary progressions: the progressed instant, positions, the MC by solar arc in RA, the Moon's next sign."""

import datetime as dt
import random

import pytest

from core.astro import ephemeris
from core.astro.aspects import KIND_BY_NAME
from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.derived import right_ascension_of, true_obliquity
from core.astro.ephemeris import Body
from core.astro.progressions import life_instant, progress, progressed_instant, right_ascension
from core.astro.zodiac import sign_of, signed_difference

BIRTH = ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574)


def test_thirty_years_of_life_are_thirty_days_of_progression():
    on = BIRTH.instant + dt.timedelta(days=30 * 365.24219)

    assert progressed_instant(BIRTH.instant, on) == BIRTH.instant + dt.timedelta(days=30)
    assert life_instant(BIRTH.instant, BIRTH.instant + dt.timedelta(days=30)) == on


@pytest.mark.parametrize("seed", range(6))
def test_progressed_planets_are_the_natal_chart_at_the_progressed_instant(seed):
    rng = random.Random(seed)
    birth = ChartRequest(
        dt.datetime(1940, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.uniform(0, 60 * 365)),
        rng.uniform(-55, 55), rng.uniform(-180, 180),
    )  # fmt: skip
    on = birth.instant + dt.timedelta(days=rng.uniform(1, 80) * 365.25)
    natal = compute_natal_chart(birth)

    progression = progress(natal, on)

    at_instant = compute_natal_chart(
        ChartRequest(progressed_instant(birth.instant, on), birth.latitude, birth.longitude)
    )
    for point in at_instant.points:
        if point.name not in ("Ascendant", "Midheaven"):
            assert progression.chart.point(point.name).longitude == point.longitude
            assert progression.chart.point(point.name).speed == point.speed


def test_the_progressed_mc_moves_by_the_suns_arc_in_right_ascension():
    natal = compute_natal_chart(BIRTH)
    progression = progress(natal, dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
    birth_jd, jd = ephemeris.julian_day(BIRTH.instant), ephemeris.julian_day(progression.progressed_at)

    arc = signed_difference(right_ascension(jd, Body.SUN), right_ascension(birth_jd, Body.SUN))
    natal_mc_ra = right_ascension_of(natal.houses.midheaven, true_obliquity(birth_jd))
    progressed_mc_ra = right_ascension_of(progression.chart.houses.midheaven, true_obliquity(jd))

    assert 30 < arc < 40  # about a degree a year, 36 years on
    assert signed_difference(progressed_mc_ra, natal_mc_ra) == pytest.approx(arc, abs=0.01)


def test_the_progressed_moon_changes_sign_at_the_moment_given():
    natal = compute_natal_chart(BIRTH)
    progression = progress(natal, dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
    week = dt.timedelta(days=7)

    before = progress(natal, progression.moon_sign_until - week)
    after = progress(natal, progression.moon_sign_until + week)

    assert before.moon_sign == progression.moon_sign
    assert after.moon_sign == progression.next_moon_sign != progression.moon_sign
    assert sign_of(after.chart.point("Moon").longitude) == after.moon_sign
    assert progression.moon_sign_until > progression.on


def test_progressed_to_natal_aspects_are_within_a_degree_and_name_the_progressed_point_first():
    natal = compute_natal_chart(BIRTH)

    progression = progress(natal, dt.datetime(2026, 11, 26, tzinfo=dt.UTC))

    assert progression.aspects
    assert all(a.orb <= 1.0 for a in progression.aspects)
    assert all(a.first != a.second for a in progression.aspects)  # not a slow planet "aspecting" its own place
    moon = progression.chart.point("Moon").longitude
    assert progression.moon_phase in {
        "New Moon", "Waxing Crescent", "First Quarter", "Waxing Gibbous",
        "Full Moon", "Waning Gibbous", "Last Quarter", "Waning Crescent",
    }  # fmt: skip
    assert sign_of(moon) == progression.moon_sign


def test_a_progressed_point_applies_when_it_moves_toward_the_natal_one():
    natal = compute_natal_chart(BIRTH)
    progression = progress(natal, dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
    by_name = {p.name: p for p in progression.chart.points}
    checked = 0

    for aspect in progression.aspects:
        mover, target = by_name[aspect.first], natal.point(aspect.second)
        later = progress(natal, dt.datetime(2026, 12, 26, tzinfo=dt.UTC)).chart.point(aspect.first)
        orb_later = abs(abs(signed_difference(later.longitude, target.longitude)) - KIND_BY_NAME[aspect.kind].angle)
        if abs(orb_later - aspect.orb) > 1e-4:  # a month on, the orb has measurably changed
            assert aspect.applying == (orb_later < aspect.orb), (aspect, orb_later, mover.speed)
            checked += 1
    assert checked >= 3
