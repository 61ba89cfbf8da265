"""The local engine: words for every combination the sky can produce, in four distinct tones."""

import datetime as dt
import itertools

import pytest

from core.astro.aspects import ASPECT_KINDS
from core.astro.sky import PHASES
from core.astro.zodiac import SIGNS
from core.gcode.facts import TransitFact
from core.gcode.patch_notes import NoteItem
from core.oracle import local
from core.oracle.tables import NATAL_MEANINGS, STATION_MEANINGS, TRANSIT_MEANINGS
from tests.support.samples import facts_on
from tests.support.texts import assert_real_text

STATION_BODIES = ("Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto")


def fact(transit: str, kind: str, natal: str, nature: str, exact_at: str | None = "09:41") -> TransitFact:
    return TransitFact(transit, natal, kind, nature, 0.4, True, exact_at, False, 1.0, 5, 10.0, 100.0)


def test_every_planet_aspect_and_natal_point_has_words_in_every_tone():
    combinations = itertools.product(TRANSIT_MEANINGS, ASPECT_KINDS, NATAL_MEANINGS, local.TONES, ("09:41", None))
    count = 0
    for transit, kind, natal, tone, exact_at in combinations:
        assert_real_text(local.transit_sentence(fact(transit, kind.name, natal, kind.nature, exact_at), tone))
        fields = {"transit": transit, "natal": natal, "kind": kind.name, "exact_at": exact_at or ""}
        item = NoteItem("New features", "transit", fields)
        assert_real_text(local.note_line(item, tone))
        count += 1
    assert count == 11 * 11 * 19 * 4 * 2  # 15 natal points, the South Node, two Liliths, the Part of Fortune


def test_every_moon_sign_and_phase_has_words_in_every_tone():
    for sign, phase, tone in itertools.product(SIGNS, PHASES, local.TONES):
        assert_real_text(local.moon_sentence(phase, sign, tone))


def test_every_station_retrograde_ingress_and_eclipse_has_words_in_every_tone():
    assert set(STATION_MEANINGS["retrograde"]) == set(STATION_MEANINGS["direct"]) == set(STATION_BODIES)
    for body, direction, tone in itertools.product(STATION_BODIES, ("retrograde", "direct"), local.TONES):
        assert_real_text(local.station_sentence(body, direction, tone))
        station = NoteItem("Breaking changes", "station", {"body": body, "direction": direction, "at": "03:12"})
        assert_real_text(local.note_line(station, tone))
        assert_real_text(local.note_line(NoteItem("Known issues", "retrograde", {"body": body}), tone))
    for body, sign, tone in itertools.product([*TRANSIT_MEANINGS], SIGNS, local.TONES):
        item = NoteItem("Breaking changes", "ingress", {"body": body, "sign": sign, "at": "11:09"})
        assert_real_text(local.note_line(item, tone))
    for kind, kind_type, tone in itertools.product(("solar", "lunar"), ("total", "partial"), local.TONES):
        item = NoteItem("Breaking changes", "eclipse", {"kind": kind, "type": kind_type, "at": "17:46"})
        assert_real_text(local.note_line(item, tone))


def test_the_four_tones_read_differently():
    facts = facts_on(dt.date(2026, 11, 24))
    texts = {tone: local.daily_texts(facts, tone) for tone in local.TONES}

    interpretations = [t.interpretation for t in texts.values()]
    affirmations = [t.affirmation for t in texts.values()]
    assert len(set(interpretations)) == 4
    assert len(set(affirmations)) == 4
    for a, b in itertools.combinations(interpretations, 2):
        shared = set(a.split()) & set(b.split())
        assert len(shared) < 0.8 * min(len(set(a.split())), len(set(b.split())))
    for text in texts.values():
        assert_real_text(text.interpretation)
        assert text.engine == "local"


@pytest.mark.parametrize("date", [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 365, 29)])
def test_guidance_has_three_to_five_distinct_items(date):
    items = local.guidance(facts_on(date))

    assert 3 <= len(items) <= 5
    assert len(set(items)) == len(items)


def test_a_day_without_transits_still_reads_well():
    facts = facts_on(dt.date(2026, 11, 24))
    quiet = type(facts).from_dict(facts.as_dict() | {"transits": [], "stations": [], "eclipses": []})

    texts = local.daily_texts(quiet, "practical")

    assert "quiet day" in texts.interpretation
    assert 3 <= len(texts.guidance) <= 5
