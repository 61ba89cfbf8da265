"""The Gemini engine: the day's facts through prompt files to Gemini, answered as checked JSON.

Used when an API key is configured (see `core.oracle.writer`). Every failure (timeout, HTTP
error, quota, a blocked or malformed answer) is raised as a GeminiFailure with a short reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from core.gcode.facts import DayFacts
from core.oracle.texts import DailyTexts, Engine

if TYPE_CHECKING:
    from google import genai
    from google.genai import types

PROMPTS = Path(__file__).resolve().parent / "prompts"
ENGINE = Engine.GEMINI
LIMITS = {"interpretation": 2500, "affirmation": 200, "guidance_item": 200, "summary": 160}
TONE_DESCRIPTIONS: dict[str, str] = {
    "inspiring": "warm and encouraging, speaking to the reader's potential.",
    "practical": "plain and concrete, with what to do and when.",
    "poetic": "imagistic and musical, with metaphors from nature.",
    "technical": "precise, like release notes and log lines, with times and orbs.",
}
RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "OBJECT",
    "properties": {
        "interpretation": {"type": "STRING"},
        "affirmation": {"type": "STRING"},
        "guidance": {"type": "ARRAY", "items": {"type": "STRING"}, "minItems": 3, "maxItems": 5},
        "summary": {"type": "STRING"},
    },
    "required": ["interpretation", "affirmation", "guidance", "summary"],
}
BLOCKING_FINISH_REASONS = frozenset({"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION"})


@dataclass(frozen=True)
class GeminiSettings:
    api_key: str
    model: str = "gemini-2.5-flash"
    timeout_seconds: float = 20.0
    base_url: str | None = None  # None: Google's endpoint


class GeminiFailure(Exception):
    """Gemini gave no usable answer; the message is the reason stored with the fallback text."""


def prompt(name: str, **values: object) -> str:
    """A prompt file with its $placeholders filled (a missing value is an error, not a blank)."""
    return Template((PROMPTS / f"{name}.txt").read_text(encoding="utf-8")).substitute(values)


def prompts_for(facts: DayFacts, tone: str) -> tuple[str, str]:
    """(system instruction, user prompt) for a day in a tone."""
    system = prompt("system", tone=tone, tone_description=TONE_DESCRIPTIONS[tone])
    daily = prompt(
        "daily",
        zone=facts.zone,
        facts_json=json.dumps(facts.as_dict(), ensure_ascii=False, indent=1),
        max_interpretation=LIMITS["interpretation"],
        max_affirmation=LIMITS["affirmation"],
        max_guidance_item=LIMITS["guidance_item"],
        max_summary=LIMITS["summary"],
    )
    return system, daily


def client_for(settings: GeminiSettings) -> genai.Client:
    # Imported on first use: google.genai takes about a second to import, which every server start paid
    # (most installations never set a key).
    from google import genai
    from google.genai import types

    options = types.HttpOptions(
        base_url=settings.base_url,
        timeout=int(settings.timeout_seconds * 1000),
        retry_options=types.HttpRetryOptions(attempts=1),  # a failure falls back at once; the job may rerun
    )
    return genai.Client(api_key=settings.api_key, http_options=options)


def json_object(text: str | None) -> dict[str, Any]:
    """The answer parsed as a JSON object, or GeminiFailure."""
    try:
        data = json.loads(text or "")
    except json.JSONDecodeError as exc:
        raise GeminiFailure(f"invalid output: not JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise GeminiFailure("invalid output: not a JSON object")
    return data


def checked_answer(text: str | None) -> dict[str, Any]:
    """The answer's fields, or GeminiFailure naming what is wrong with them."""
    data = json_object(text)
    for name in ("interpretation", "affirmation", "summary"):
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            raise GeminiFailure(f"invalid output: {name} missing or empty")
        if len(value) > LIMITS[name]:
            raise GeminiFailure(f"invalid output: {name} longer than {LIMITS[name]} characters")
    guidance = data.get("guidance")
    if not isinstance(guidance, list) or not 3 <= len(guidance) <= 5:
        raise GeminiFailure("invalid output: guidance must have 3 to 5 items")
    if not all(isinstance(g, str) and g.strip() and len(g) <= LIMITS["guidance_item"] for g in guidance):
        raise GeminiFailure("invalid output: a guidance item is empty or too long")
    return data


def blocked_reason(response: types.GenerateContentResponse) -> str | None:
    """Why Gemini withheld the answer (safety and the like), if it did."""
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason:
        return f"unsafe: prompt blocked ({feedback.block_reason})"
    for candidate in response.candidates or []:
        reason = str(getattr(candidate.finish_reason, "value", candidate.finish_reason) or "")
        if reason in BLOCKING_FINISH_REASONS:
            return f"unsafe: answer blocked ({reason})"
    return None


def call_gemini(
    settings: GeminiSettings, system: str, daily: str, schema: dict[str, Any] = RESPONSE_SCHEMA
) -> types.GenerateContentResponse:
    """One request; every transport or API failure becomes a GeminiFailure with a short reason."""
    from google.genai import errors, types

    config = types.GenerateContentConfig(
        system_instruction=system,
        response_mime_type="application/json",
        response_schema=schema,
        temperature=0.8,
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
    )
    client = client_for(settings)  # held here: the client closes its connection pool when collected
    try:
        return client.models.generate_content(model=settings.model, contents=daily, config=config)
    except errors.APIError as exc:
        if exc.code == 429:
            raise GeminiFailure(f"quota exceeded (HTTP 429: {exc.status or 'RESOURCE_EXHAUSTED'})") from exc
        raise GeminiFailure(f"HTTP error {exc.code}: {exc.status or exc.message}") from exc
    except Exception as exc:  # the transport (httpx or httpx2) raises its own classes
        if "timeout" in type(exc).__name__.lower():
            raise GeminiFailure(f"timeout after {settings.timeout_seconds:g} s") from exc
        raise GeminiFailure(f"connection failed: {type(exc).__name__}: {exc}") from exc
    finally:
        client.close()


def answer_text(response: types.GenerateContentResponse) -> str | None:
    """The answer's text, or GeminiFailure when it was withheld or unreadable."""
    if reason := blocked_reason(response):
        raise GeminiFailure(reason)
    try:
        return response.text
    except ValueError as exc:
        raise GeminiFailure(f"invalid output: {exc}") from exc


def ask_gemini(facts: DayFacts, tone: str, settings: GeminiSettings) -> DailyTexts:
    """Gemini's words for the day, checked; GeminiFailure when there are none to use."""
    system, daily = prompts_for(facts, tone)
    response = call_gemini(settings, system, daily)
    data = checked_answer(answer_text(response))
    usage = response.usage_metadata
    return DailyTexts(
        interpretation=data["interpretation"].strip(),
        affirmation=data["affirmation"].strip(),
        guidance=[g.strip() for g in data["guidance"]],
        engine=ENGINE,
        model=response.model_version or settings.model,
        prompt_tokens=usage.prompt_token_count if usage else None,
        output_tokens=usage.candidates_token_count if usage else None,
        summary=data["summary"].strip(),
    )
