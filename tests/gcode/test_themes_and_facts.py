"""Themes, the facts record and its JSON round trip, and days with no birth time."""

import dataclasses
import datetime as dt
import json

from bench.population import days_of
from core.astro.chart import ChartRequest
from core.astro.transits import day_report
from core.gcode.facts import DayFacts, NatalPoint, day_facts
from core.gcode.themes import HOUSE_THEMES, KIND_THEMES, PLANET_THEMES, day_themes
from core.oracle.patch_notes import render_patch_notes
from tests.support.samples import LONDON_1990, facts_on


def test_themes_are_three_to_five_distinct_hashtags_from_the_leading_transits():
    for date in days_of(2026)[::7]:
        facts = facts_on(date)
        assert 3 <= len(facts.themes) <= 5
        assert len(set(facts.themes)) == len(facts.themes)
        assert all(t.startswith("#") and " " not in t for t in facts.themes)
        lead = facts.transits[0]
        assert facts.themes[0] == PLANET_THEMES[lead.transit]
        assert facts.themes[1] in (HOUSE_THEMES.get(lead.natal_house), KIND_THEMES[lead.kind])


def test_a_quiet_day_borrows_themes_from_the_moon():
    assert day_themes([], {"phase": "New Moon", "sign": "Virgo"}) == ["#FreshStart", "#MoonInVirgo", "#Integration"]


def test_facts_survive_a_json_round_trip():
    facts = facts_on(dt.date(2026, 11, 24))
    assert DayFacts.from_dict(json.loads(json.dumps(facts.as_dict()))) == facts


def test_exact_times_in_the_facts_are_local_clock_times():
    london = facts_on(dt.date(2026, 11, 24), zone="Europe/London")  # UTC+0 in November
    kathmandu = facts_on(dt.date(2026, 11, 24), zone="Asia/Kathmandu")  # UTC+5:45
    assert london.moon["exact_phase_at"] == "14:53"
    assert kathmandu.moon["exact_phase_at"] == "20:38"


def test_without_a_birth_time_there_are_no_angles_and_no_natal_moon():
    unknown = dataclasses.replace(LONDON_1990, time_known=False)
    facts = facts_on(dt.date(2026, 11, 24), ChartRequest(unknown.instant, unknown.latitude, unknown.longitude, False))
    natal = {t.natal for t in facts.transits}
    assert not natal & {"Ascendant", "Midheaven", "Moon"}
    assert all(t.natal_house is None for t in facts.transits)
    assert facts.time_known is False


def test_an_aspect_that_perfects_twice_lists_both_local_times_in_facts_program_and_notes():
    # On 4 January 1970 Mercury reached 0° Aquarius at 04:20 UT, then fell back over it at 11:59 UT.
    points = [NatalPoint("Sun", 300.0, 0.0, 1)]
    facts = day_facts(day_report(points, dt.date(1970, 1, 4), "UTC"), points, True)
    (mercury,) = [t for t in facts.transits if t.transit == "Mercury" and t.kind == "conjunction"]

    assert mercury.exact_at == "04:20"
    assert mercury.exact_times == ["04:20", "11:59"]
    assert any("Mercury retrograde conjunction natal Sun, exact 04:20 and 11:59" in line for line in facts.program)
    blog = next(n for n in render_patch_notes(facts, "technical") if n.platform == "blog")
    assert "04:20 and 11:59" in blog.body
    assert DayFacts.from_dict(json.loads(json.dumps(facts.as_dict()))) == facts


def test_facts_stored_before_the_list_of_perfections_still_load():
    stored = facts_on(dt.date(2026, 11, 24)).as_dict()
    for transit in stored["transits"]:
        del transit["exact_times"]

    restored = DayFacts.from_dict(stored)
    assert all(t.exact_clock == t.exact_at for t in restored.transits)
