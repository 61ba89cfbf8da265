"""Seasons of slow transits: the window around an instant, its edges on the orb and its exact passes."""

import datetime as dt

from core.astro import ephemeris
from core.astro.ephemeris import Body
from core.astro.seasons import aspect_gap, season_of

NOON = dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)


def pluto_at(instant: dt.datetime) -> float:
    return ephemeris.body_state(ephemeris.julian_day(instant), Body.PLUTO).longitude


def test_a_contact_out_of_orb_has_no_season():
    natal = (pluto_at(NOON) + 10.0) % 360  # a conjunction 10° away: far outside the 3° orb
    assert season_of("Pluto", "Sun", natal, "conjunction", NOON) is None
    assert season_of("Moon", "Sun", pluto_at(NOON), "conjunction", NOON) is None  # only slow bodies have seasons


def test_the_window_covers_the_instant_and_its_edges_sit_on_the_orb():
    natal = pluto_at(NOON - dt.timedelta(days=30))  # Pluto stood on it a month ago: in orb, long in it
    season = season_of("Pluto", "Sun", natal, "conjunction", NOON)

    assert season is not None
    assert season.passes
    assert season.covers(NOON)
    for edge in (season.entered, season.leaves):
        assert abs(abs(aspect_gap(pluto_at(edge), natal)) - 3.0) < 1e-3
    for inside in (season.entered + dt.timedelta(days=1), season.leaves - dt.timedelta(days=1)):
        assert abs(aspect_gap(pluto_at(inside), natal)) < 3.0
    for exact in season.passes:
        assert abs(aspect_gap(pluto_at(exact.at), natal)) < 1e-4
        assert exact.retrograde == (ephemeris.body_state(ephemeris.julian_day(exact.at), Body.PLUTO).speed < 0)
    assert season_of("Pluto", "Sun", natal, "conjunction", NOON + dt.timedelta(days=20)) == season  # one window
