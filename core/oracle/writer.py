"""Who writes the day's words and the natal reading: Gemini when configured and well-behaved, else the local engine."""

import logging
from dataclasses import replace

from core.gcode.facts import DayFacts
from core.oracle import local
from core.oracle.gemini import GeminiFailure, GeminiSettings, ask_gemini
from core.oracle.gemini_natal import ask_gemini_natal
from core.oracle.natal import NatalAspect, NatalReading, Placement, major_only, natal_reading
from core.oracle.texts import DailyTexts

log = logging.getLogger(__name__)


def write_daily_texts(facts: DayFacts, tone: str, gemini: GeminiSettings | None = None) -> DailyTexts:
    """Gemini's words when it is configured and answers well; otherwise the local engine's, with the reason."""
    if gemini is None or not gemini.api_key:
        return local.daily_texts(facts, tone)
    try:
        return ask_gemini(facts, tone, gemini)
    except GeminiFailure as failure:
        log.warning("Gemini gave no usable text for %s (%s); the local engine's is used", facts.date, failure)
        return replace(local.daily_texts(facts, tone), model=gemini.model, fallback_reason=str(failure))


def write_natal_reading(
    placements: list[Placement], aspects: list[NatalAspect], tone: str, gemini: GeminiSettings | None = None
) -> NatalReading:
    """Gemini's natal reading when it is configured and answers well; otherwise the local engine's, with the reason."""
    if gemini is None or not gemini.api_key:
        return natal_reading(placements, aspects, tone)
    try:
        return ask_gemini_natal(placements, major_only(aspects), tone, gemini)
    except GeminiFailure as failure:
        log.warning("Gemini gave no usable natal reading (%s); the local engine's is used", failure)
        return replace(natal_reading(placements, aspects, tone), model=gemini.model, fallback_reason=str(failure))
