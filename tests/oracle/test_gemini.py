"""The Gemini engine against a local server speaking the Gemini API: success, each failure, slow answers."""

import datetime as dt
import json
import time

import pytest

from core.oracle.gemini import GeminiSettings
from core.oracle.writer import write_daily_texts
from tests.support.fake_gemini import BEHAVIOURS, GOOD_ANSWER, settings_for
from tests.support.samples import facts_on

FACTS = facts_on(dt.date(2026, 11, 24))


@pytest.fixture
def gemini(gemini_server):
    gemini_server.behaviour = BEHAVIOURS["success"]
    gemini_server.requests.clear()
    return gemini_server


def test_a_good_answer_is_used_with_the_model_and_token_counts(gemini):
    texts = write_daily_texts(FACTS, "poetic", settings_for(gemini))

    assert texts.engine == "gemini"
    assert texts.interpretation == GOOD_ANSWER["interpretation"]
    assert texts.guidance == GOOD_ANSWER["guidance"]
    assert texts.summary == GOOD_ANSWER["summary"]
    assert (texts.model, texts.prompt_tokens, texts.output_tokens) == ("gemini-2.5-flash-fake", 812, 143)
    assert texts.fallback_reason == ""


def test_the_request_carries_the_prompt_files_the_facts_and_a_json_schema(gemini):
    write_daily_texts(FACTS, "technical", settings_for(gemini))

    [request] = gemini.requests
    assert request["path"].endswith("/models/gemini-2.5-flash:generateContent")
    assert request["headers"]["x-goog-api-key"] == "test-key"
    body = request["body"]
    prompt = body["contents"][0]["parts"][0]["text"]
    assert json.dumps(FACTS.program[0])[1:-1] in prompt  # the facts, as JSON
    assert "strongest\nfirst" in prompt  # from prompts/daily.txt
    assert '"technical"' in body["systemInstruction"]["parts"][0]["text"]  # from prompts/system.txt
    config = body["generationConfig"]
    assert config["responseMimeType"] == "application/json"
    assert set(config["responseSchema"]["required"]) == {"interpretation", "affirmation", "guidance", "summary"}


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        ("server_error", "HTTP error 500"),
        ("quota", "quota exceeded (HTTP 429"),
        ("unsafe_answer", "unsafe: answer blocked (SAFETY)"),
        ("blocked_prompt", "unsafe: prompt blocked"),
        ("not_json", "invalid output: not JSON"),
        ("missing_field", "invalid output: affirmation missing"),
        ("too_long", "invalid output: affirmation longer than"),
        ("too_few_guidance", "invalid output: guidance must have 3 to 5 items"),
    ],
)
def test_each_failure_falls_back_to_the_local_engine_and_says_why(gemini, behaviour, reason, caplog):
    gemini.behaviour = BEHAVIOURS[behaviour]

    texts = write_daily_texts(FACTS, "practical", settings_for(gemini))

    assert texts.engine == "local"
    assert texts.fallback_reason.startswith(reason)
    assert "G-Code 18 (low)." in texts.interpretation  # the local engine's practical opening
    assert len(gemini.requests) == 1  # no retries: the job may run again later
    assert reason in caplog.text


def test_a_slow_answer_times_out_and_falls_back_within_the_timeout(gemini):
    gemini.behaviour = BEHAVIOURS["slow"]
    started = time.monotonic()

    texts = write_daily_texts(FACTS, "inspiring", settings_for(gemini, timeout=0.5))

    assert time.monotonic() - started < 2.5
    assert texts.engine == "local"
    assert texts.fallback_reason == "timeout after 0.5 s"


def test_without_a_key_gemini_is_not_asked(gemini):
    texts = write_daily_texts(FACTS, "inspiring", GeminiSettings("", base_url=gemini.base_url))

    assert texts.engine == "local"
    assert texts.fallback_reason == ""
    assert gemini.requests == []
