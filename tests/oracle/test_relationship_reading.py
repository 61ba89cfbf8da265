"""The local engine's relationship reading: every tone, every point pair, deterministic."""

import itertools

import pytest

from core.astro.aspects import ASPECT_KINDS, Aspect
from core.oracle.local import TONES
from core.oracle.relationship import relationship_reading
from core.oracle.tables import NATAL_MEANINGS


@pytest.mark.parametrize("tone", TONES)
def test_every_point_pair_and_kind_has_words_in_every_tone(tone):
    for first, second in itertools.product(NATAL_MEANINGS, repeat=2):
        for kind in ASPECT_KINDS:
            text = relationship_reading((Aspect(first, second, kind.name, 1.5, False),), "Ada", "Sam", tone)
            assert "Ada" in text
            assert "Sam" in text


def test_the_reading_leads_with_the_balance_and_tells_the_tightest_aspect():
    aspects = (
        Aspect("Venus", "Mars", "trine", 0.4, False),
        Aspect("Moon", "Saturn", "square", 2.0, False),
        Aspect("Sun", "Sun", "sextile", 3.0, True),
    )

    text = relationship_reading(aspects, "Ada", "Sam", "practical")

    first_paragraph, second_paragraph = text.split("\n\n")
    assert first_paragraph == "3 contacts: 2 easy, 1 tense. Overall: ease."
    assert second_paragraph.startswith("Ada's Venus trine Sam's Mars (orb 0.4°)")
    assert relationship_reading(aspects, "Ada", "Sam", "practical") == text


def test_no_contacts_are_said_plainly():
    assert relationship_reading((), "Ada", "Sam", "poetic") == (
        "No planet of Ada aspects a planet of Sam within the synastry orbs."
    )
