"""Patch notes: version, sections from the facts, and platform limits held for every tone and day of a year."""

import datetime as dt

import pytest

from bench.population import days_of
from core.astro.seasons import SLOW_BODIES
from core.gcode.patch_notes import note_items, version_of
from core.oracle.local import TONES
from core.oracle.patch_notes import PLATFORM_LIMITS, cut_at_word, render_patch_notes
from tests.support.samples import facts_on

YEAR = days_of(2026)


def test_the_version_is_the_date():
    assert version_of("2026-11-24") == "v2026.11.24"


def test_facts_are_sorted_into_release_note_sections():
    facts = facts_on(dt.date(2026, 11, 24))
    sections = {(i.kind, i.fields.get("transit") or i.fields.get("body"), i.section) for i in note_items(facts)}

    for t in facts.transits:
        if t.transit in SLOW_BODIES or t.exact_at:
            continue  # told as the day's exact contact, or only on the days its season turns
        expected = {"harmonious": "New features", "neutral": "Improvements"}.get(
            t.nature, "Known issues" if t.applying else "Bug fixes"
        )
        assert ("transit", t.transit, expected) in sections
    for e in facts.events:
        if e["type"] == "contact":
            expected = {"harmonious": "New features", "neutral": "Improvements"}.get(e["nature"], "Known issues")
            assert ("transit", e["body"], expected) in sections
    assert ("retrograde", "Saturn", "Known issues") in sections
    assert ("ingress", "Moon", "Breaking changes") in sections


def test_stations_and_eclipses_are_breaking_changes():
    station_day = facts_on(dt.date(2026, 10, 24), zone="UTC")  # Mercury turns retrograde
    eclipse_day = facts_on(dt.date(2026, 8, 12), zone="UTC")  # total solar eclipse

    assert ("station", "Breaking changes") in {(i.kind, i.section) for i in note_items(station_day)}
    assert ("eclipse", "Breaking changes") in {(i.kind, i.section) for i in note_items(eclipse_day)}
    blog = {n.platform: n.body for n in render_patch_notes(eclipse_day, "technical")}["blog"]
    assert "Total solar eclipse" in blog


@pytest.mark.parametrize("tone", TONES)
def test_every_platform_keeps_its_limit_on_every_day_of_a_year(tone):
    for date in YEAR:
        facts = facts_on(date)
        for note in render_patch_notes(facts, tone, summary="Release summary written for the day. " * 3):
            assert len(note.body) <= PLATFORM_LIMITS[note.platform], (date, note.platform)
            assert note.version == version_of(date.isoformat())
            if note.platform in ("x", "instagram", "linkedin"):
                assert note.body.rstrip().endswith(" ".join(facts.themes)), "hashtags come last"


def test_x_keeps_the_days_first_item_and_the_hashtags():
    facts = facts_on(dt.date(2026, 11, 24))
    x = next(n for n in render_patch_notes(facts, "inspiring") if n.platform == "x").body

    assert note_items(facts)[0].fields["transit"] in x.splitlines()[1]
    assert x.splitlines()[-1] == " ".join(facts.themes)


def test_the_blog_is_markdown_with_the_program_in_a_code_block():
    facts = facts_on(dt.date(2026, 11, 24))
    blog = next(n for n in render_patch_notes(facts, "poetic") if n.platform == "blog").body

    assert blog.startswith("# Spiritual Patch Notes v2026.11.24")
    assert "## New features" in blog
    assert "```gcode\n" + "\n".join(facts.program) + "\n```" in blog


def test_a_text_is_cut_at_a_word_with_an_ellipsis():
    assert cut_at_word("one two three four", 12) == "one two…"
    assert cut_at_word("short", 12) == "short"


def test_notes_a_few_days_apart_do_not_hold_the_same_items():
    def items(date: dt.date) -> set:
        return {(i.kind, tuple(sorted(i.fields.items()))) for i in note_items(facts_on(date))}

    first, later = items(dt.date(2026, 11, 20)), items(dt.date(2026, 11, 23))
    assert len(first & later) <= len(first) / 2, first & later
