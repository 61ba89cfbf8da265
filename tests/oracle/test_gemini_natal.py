"""The natal reading through Gemini (a local server speaking its API): used when good, the local one otherwise."""

import datetime as dt
import json

import pytest

from core.astro.chart import ChartRequest, compute_natal_chart
from core.oracle.gemini import GeminiSettings
from core.oracle.natal import NatalAspect, Placement, major_only
from core.oracle.writer import write_natal_reading
from tests.oracle.fake_gemini import BEHAVIOURS, Behaviour, answer
from tests.oracle.test_gemini import gemini_server, settings_for  # noqa: F401 (a fixture, by name)

CHART = compute_natal_chart(ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.5, -0.12))
PLACEMENTS = [Placement(p.name, p.sign, p.house, p.retrograde) for p in CHART.points]
ASPECTS = [NatalAspect(a.first, a.kind, a.second) for a in CHART.aspects]
MAJOR = major_only(ASPECTS)


def good_natal_answer(**changes) -> Behaviour:
    data = {
        "summary": "You are a quick mind with a deep, dreamy heart, and you meet the world with grace.",
        "placements": [f"Paragraph on {p.name}." for p in PLACEMENTS],
        "aspects": [f"Paragraph on {a.first} and {a.second}." for a in MAJOR],
    } | changes
    return Behaviour(body=answer(json.dumps(data)))


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
