"""The natal reading through Gemini (a local server speaking its API): used when good, the local one otherwise."""

import pytest

from core.oracle.gemini import GeminiSettings
from core.oracle.writer import write_natal_reading
from tests.support.fake_gemini import BEHAVIOURS, settings_for
from tests.support.natal_answers import ASPECTS, MAJOR, PLACEMENTS, good_natal_answer


@pytest.fixture
def gemini(request):
    server = request.getfixturevalue("gemini_server")  # the daily tests' server, shared per module
    server.requests.clear()
    return server


def test_a_good_answer_is_the_reading_with_headings_from_the_facts(gemini):
    gemini.behaviour = good_natal_answer()
    reading = write_natal_reading(PLACEMENTS, ASPECTS, "poetic", settings_for(gemini))

    assert (reading.engine, reading.model, reading.fallback_reason) == ("gemini", "gemini-2.5-flash-fake", "")
    assert reading.placements[0] == ("Sun in Gemini, 9th house", "Paragraph on Sun.")
    assert len(reading.aspects) == len(MAJOR)
    [request] = gemini.requests
    prompt = request["body"]["contents"][0]["parts"][0]["text"]
    assert f"exactly {len(PLACEMENTS)} strings, one per placement" in prompt
    assert '"rising": "Libra"' in prompt
    assert '"poetic"' in request["body"]["systemInstruction"]["parts"][0]["text"]


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (good_natal_answer(placements=["Only one."]), f"placements must have exactly {len(PLACEMENTS)} items"),
        (good_natal_answer(summary=""), "summary missing, empty or too long"),
        (good_natal_answer(aspects=["x" * 701] * len(MAJOR)), "an item of aspects is empty or too long"),
        (BEHAVIOURS["not_json"], "not JSON"),
        (BEHAVIOURS["quota"], "quota exceeded"),
        (BEHAVIOURS["unsafe_answer"], "unsafe: answer blocked (SAFETY)"),
    ],
)
def test_an_unusable_answer_falls_back_to_the_local_reading_with_the_reason(gemini, behaviour, reason):
    gemini.behaviour = behaviour
    reading = write_natal_reading(PLACEMENTS, ASPECTS, "practical", settings_for(gemini))

    assert reading.engine == "local"
    assert reason in reading.fallback_reason
    assert reading.summary.startswith("Sun in Gemini, Moon in Pisces, Libra rising.")


def test_without_a_key_the_local_engine_reads_and_nothing_is_asked(gemini):
    reading = write_natal_reading(PLACEMENTS, ASPECTS, "inspiring", GeminiSettings("", base_url=gemini.base_url))
    assert (reading.engine, reading.fallback_reason) == ("local", "")
    assert not gemini.requests
