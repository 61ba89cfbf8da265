"""The natal reading from Gemini: the chart's facts through prompts/natal.txt, answered as checked JSON.

Used when an API key is configured (see `core.oracle.writer`); failures raise GeminiFailure like the
daily texts, and the local engine's reading is used instead.
"""

import json
from dataclasses import asdict
from typing import Any

from core.oracle.gemini import (
    ENGINE,
    TONE_DESCRIPTIONS,
    GeminiFailure,
    GeminiSettings,
    answer_text,
    call_gemini,
    json_object,
    prompt,
)
from core.oracle.natal import NatalAspect, NatalReading, Placement, heading

NATAL_LIMITS = {"summary": 1200, "paragraph": 700}
NATAL_SCHEMA: dict[str, Any] = {
    "type": "OBJECT",
    "properties": {
        "summary": {"type": "STRING"},
        "placements": {"type": "ARRAY", "items": {"type": "STRING"}},
        "aspects": {"type": "ARRAY", "items": {"type": "STRING"}},
    },
    "required": ["summary", "placements", "aspects"],
}


def natal_prompts(placements: list[Placement], aspects: list[NatalAspect], tone: str) -> tuple[str, str]:
    by_name = {p.name: p.sign for p in placements}
    facts = {
        "sun": by_name["Sun"], "moon": by_name["Moon"], "rising": by_name.get("Ascendant"),
        "placements": [asdict(p) for p in placements], "aspects": [asdict(a) for a in aspects],
    }  # fmt: skip
    system = prompt("system", tone=tone, tone_description=TONE_DESCRIPTIONS[tone])
    natal = prompt(
        "natal", facts_json=json.dumps(facts, ensure_ascii=False, indent=1), n_placements=len(placements),
        n_aspects=len(aspects), max_summary=NATAL_LIMITS["summary"], max_paragraph=NATAL_LIMITS["paragraph"],
    )  # fmt: skip
    return system, natal


def checked_paragraphs(data: dict[str, Any], name: str, count: int) -> list[str]:
    items = data.get(name)
    if not isinstance(items, list) or len(items) != count:
        raise GeminiFailure(f"invalid output: {name} must have exactly {count} items")
    if not all(isinstance(i, str) and i.strip() and len(i) <= NATAL_LIMITS["paragraph"] for i in items):
        raise GeminiFailure(f"invalid output: an item of {name} is empty or too long")
    return [i.strip() for i in items]


def checked_natal_answer(text: str | None, placements: int, aspects: int) -> tuple[str, list[str], list[str]]:
    """Summary, placement and aspect paragraphs, or GeminiFailure naming what is wrong."""
    data = json_object(text)
    summary = data.get("summary")
    if not isinstance(summary, str) or not summary.strip() or len(summary) > NATAL_LIMITS["summary"]:
        raise GeminiFailure("invalid output: summary missing, empty or too long")
    return (
        summary.strip(),
        checked_paragraphs(data, "placements", placements),
        checked_paragraphs(data, "aspects", aspects),
    )


def ask_gemini_natal(
    placements: list[Placement], aspects: list[NatalAspect], tone: str, settings: GeminiSettings
) -> NatalReading:
    """Gemini's natal reading, checked; headings come from the facts, never from the model."""
    response = call_gemini(settings, *natal_prompts(placements, aspects, tone), NATAL_SCHEMA)
    summary, placed, aspected = checked_natal_answer(answer_text(response), len(placements), len(aspects))
    return NatalReading(
        summary,
        [(heading(p), text) for p, text in zip(placements, placed, strict=True)],
        [(f"{a.first} {a.kind} {a.second}", text) for a, text in zip(aspects, aspected, strict=True)],
        ENGINE,
        response.model_version or settings.model,
    )
