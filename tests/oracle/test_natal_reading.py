"""The natal reading: every point in every sign and house, every major aspect, every Sun/Moon/Rising, in four tones."""

import datetime as dt
import itertools

from core.astro.aspects import ASPECT_KINDS
from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.zodiac import SIGNS
from core.oracle import local
from core.oracle.natal import NatalAspect, Placement, aspect_text, big_three, natal_reading, placement_text
from core.oracle.tables import NATAL_MEANINGS
from tests.support.texts import assert_real_text

MAJOR = [kind.name for kind in ASPECT_KINDS if kind.major]


def test_every_point_in_every_sign_and_house_has_words_in_every_tone():
    count = 0
    houses = [*range(1, 13), None]
    for name, sign, house, retro, tone in itertools.product(NATAL_MEANINGS, SIGNS, houses, (True, False), local.TONES):
        text = placement_text(Placement(name, sign, house, retro), tone)
        assert_real_text(text)
        assert sign in text
        count += 1
    assert count == 19 * 12 * 13 * 2 * 4


def test_every_pair_of_points_in_every_major_aspect_has_words_in_every_tone():
    count = 0
    for first, second in itertools.permutations(NATAL_MEANINGS, 2):
        for kind, tone in itertools.product(MAJOR, local.TONES):
            assert_real_text(aspect_text(NatalAspect(first, kind, second), tone))
            count += 1
    assert count == 19 * 18 * 5 * 4


def test_every_sun_moon_and_rising_has_a_summary_in_every_tone():
    for sun, moon, rising, tone in itertools.product(SIGNS, SIGNS, [*SIGNS, None], local.TONES):
        text = big_three(sun, moon, rising, tone)
        assert_real_text(text)
        assert f"Sun in {sun}, Moon in {moon}" in text
        assert (f"{rising} rising" in text) if rising else ("no Rising sign" in text)


def test_the_four_tones_read_differently():
    placement = Placement("Venus", "Scorpio", 7, True)
    assert len({placement_text(placement, tone) for tone in local.TONES}) == 4
    aspect = NatalAspect("Mars", "square", "Saturn")
    assert len({aspect_text(aspect, tone) for tone in local.TONES}) == 4


def test_a_real_chart_is_read_point_by_point_and_major_aspect_by_aspect():
    request = ChartRequest(
        dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.5, -0.12, lilith="true", south_node=True,
        part_of_fortune=True,
    )  # fmt: skip
    chart = compute_natal_chart(request)
    placements = [Placement(p.name, p.sign, p.house, p.retrograde) for p in chart.points]
    aspects = [NatalAspect(a.first, a.kind, a.second) for a in chart.aspects]
    reading = natal_reading(placements, aspects, "practical")

    assert reading.summary.startswith("Sun in Gemini, Moon in Pisces, Libra rising.")
    assert [heading for heading, _ in reading.placements][:2] == [
        "Sun in Gemini, 9th house",
        "Moon in Pisces, 5th house",
    ]
    assert len(reading.placements) == len(chart.points)
    assert len(reading.aspects) == sum(1 for a in chart.aspects if a.kind in MAJOR)
    assert reading.engine == "local"
