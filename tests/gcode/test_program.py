"""The G-Code program: every line parses as CNC G-code; 3–8 lines, strongest first, always the same."""

import datetime as dt
import re

import pytest

from bench.population import days_of, varied_charts
from core.gcode.facts import DayFacts
from core.gcode.program import gcode_program
from tests.support.samples import LONDON_1990, facts_on

WORD = re.compile(r"^([GXYZRFIJM])(-?\d+(?:\.\d+)?)$")
MOTIONS = {"G00", "G01", "G02", "G03"}
M_CODES = {"M00", "M03", "M04"}


def parse_block(line: str) -> dict[str, str]:
    """A small RS-274 grammar: words of a letter and a number, then an optional `;` comment.

    One motion word first (G00–G03) with at least one axis; G01–G03 need a feed; arcs need a
    radius; an M code may stand alone; no letter twice; the comment is printable ASCII.
    """
    block, _, comment = line.partition(" ; ")
    assert comment, f"no comment: {line!r}"
    assert comment.isascii(), f"comment: {line!r}"
    assert comment.isprintable(), f"comment: {line!r}"
    words = block.split(" ")
    parsed: dict[str, str] = {}
    for word in words:
        match = WORD.match(word)
        assert match, f"not a G-code word: {word!r} in {line!r}"
        letter, number = match.groups()
        assert letter not in parsed, f"{letter} twice in {line!r}"
        parsed[letter] = number
    if "G" in parsed:
        assert words[0].startswith("G"), f"motion word first: {line!r}"
        assert f"G{parsed['G']}" in MOTIONS, line
        assert {"X", "Y", "Z"} & parsed.keys(), f"motion without axes: {line!r}"
        if parsed["G"] != "00":
            assert float(parsed.get("F", 0)) > 0, f"feed motion without F: {line!r}"
        if parsed["G"] in ("02", "03"):
            assert "R" in parsed or {"I", "J"} <= parsed.keys(), f"arc without radius: {line!r}"
    else:
        assert parsed.keys() == {"M"}, f"a line without motion holds only an M code: {line!r}"
    if "M" in parsed:
        assert f"M{parsed['M']}" in M_CODES, line
    return parsed


def test_every_line_of_a_year_of_programs_for_varied_charts_parses():
    for request in [LONDON_1990, *varied_charts(5)]:
        for date in days_of(2026)[::3]:
            program = facts_on(date, request, "UTC").program
            assert 3 <= len(program) <= 8
            for line in program:
                parse_block(line)


def test_lines_follow_the_leading_transits_strongest_first_with_their_times():
    facts = facts_on(dt.date(2026, 11, 24))

    assert len(facts.program) == min(8, len(facts.transits))
    strengths = [t.strength for t in facts.transits]
    assert strengths == sorted(strengths, reverse=True)
    for line, transit in zip(facts.program, facts.transits, strict=False):
        assert f"{transit.transit}" in line.partition(" ; ")[2]
        assert f"natal {transit.natal}" in line
        if transit.exact_at:
            assert f"exact {transit.exact_at}" in line
    saturn = facts.program[0]
    assert saturn.startswith("G01 ")  # a square is a straight feed
    assert "M04" in saturn  # Saturn is retrograde


def test_a_station_stops_the_program():
    facts = facts_on(dt.date(2026, 10, 24), zone="UTC")  # Mercury turns retrograde
    assert any(s["body"] == "Mercury" for s in facts.stations)
    mercury_lines = [line for line in facts.program if line.partition(" ; ")[2].startswith("Mercury")]
    assert all("M00" in line for line in mercury_lines)


def test_the_same_day_and_chart_give_the_same_program():
    assert facts_on(dt.date(2026, 3, 8)).program == facts_on(dt.date(2026, 3, 8)).program


@pytest.mark.parametrize("stations", [[], [{"body": "Mars", "direction": "direct", "at": "04:10"}]])
def test_a_quiet_day_is_filled_to_three_lines_from_the_sky(stations):
    facts: DayFacts = facts_on(dt.date(2026, 11, 24))
    program = gcode_program([], facts.moon, stations, [])

    assert len(program) == 3
    assert "Full Moon in Gemini" in program[0]
    for line in program:
        parse_block(line)
