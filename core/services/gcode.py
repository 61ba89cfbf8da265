"""The daily G-Code and patch notes of a person: the one path the jobs, commands and pages use."""

import datetime as dt

from django.conf import settings
from django.db import transaction

from core.astro.transits import day_report
from core.gcode.facts import DayFacts, NatalPoint, day_facts
from core.models import DailyGCode, Engine, PatchNote, User
from core.oracle.gemini import GeminiSettings
from core.oracle.patch_notes import render_patch_notes
from core.oracle.texts import DailyTexts
from core.oracle.writer import write_daily_texts
from core.services.charts import current_natal_chart


def gemini_settings() -> GeminiSettings | None:
    """Gemini's settings when a key is configured, else None (the local engine writes)."""
    if not settings.GEMINI_API_KEY:
        return None
    return GeminiSettings(
        settings.GEMINI_API_KEY, settings.GEMINI_MODEL, settings.GEMINI_TIMEOUT, settings.GEMINI_BASE_URL
    )


def natal_points(chart_data: dict) -> tuple[list[NatalPoint], bool]:
    """The stored chart's points for transits; without a birth time the Moon's degree is unknown, so it is left out."""
    time_known = chart_data["time_known"]
    points = [
        NatalPoint(p["name"], p["longitude"], 0.0, p["house"])
        for p in chart_data["points"]
        if time_known or p["name"] != "Moon"
    ]
    return points, time_known


def facts_for(user: User, date: dt.date) -> DayFacts:
    """The facts of the person's local date: transits to their stored chart, scored."""
    points, time_known = natal_points(current_natal_chart(user).data)
    return day_facts(day_report(points, date, user.schedule_timezone), points, time_known)


def written_by(texts: DailyTexts) -> dict:
    return {
        "engine": texts.engine, "model": texts.model, "prompt_tokens": texts.prompt_tokens,
        "output_tokens": texts.output_tokens, "fallback_reason": texts.fallback_reason[:300],
    }  # fmt: skip


def compute_daily_gcode(user: User, date: dt.date) -> DailyGCode:
    """Compute and store the person's G-Code for a local date, replacing an earlier one (its pin is kept)."""
    facts = facts_for(user, date)
    texts = write_daily_texts(facts, user.tone, gemini_settings())  # may call Gemini: outside any transaction
    record, _ = DailyGCode.objects.update_or_create(
        user=user,
        date=date,
        defaults={
            "score": facts.score, "level": facts.level, "themes": facts.themes, "facts": facts.as_dict(),
            "program": "\n".join(facts.program), "interpretation": texts.interpretation,
            "affirmation": texts.affirmation, "guidance": texts.guidance, "summary": texts.summary[:200],
            "tone": user.tone, **written_by(texts),
        },
    )  # fmt: skip
    return record


def daily_gcode(user: User, date: dt.date) -> DailyGCode:
    """The stored G-Code of a date, computed first if there is none."""
    return DailyGCode.objects.filter(user=user, date=date).first() or compute_daily_gcode(user, date)


def generate_patch_notes(user: User, date: dt.date) -> list[PatchNote]:
    """Write the date's patch notes for every platform from its G-Code, replacing earlier ones.

    The items are the local engine's; a release summary Gemini wrote for the day heads them.
    """
    daily = daily_gcode(user, date)
    facts = DayFacts.from_dict(daily.facts)
    summary_by_gemini = daily.engine == Engine.GEMINI and bool(daily.summary)
    author = {"engine": Engine.GEMINI, "model": daily.model} if summary_by_gemini else {"engine": Engine.LOCAL}
    rendered = render_patch_notes(facts, user.tone, daily.summary)
    with transaction.atomic():
        return [
            PatchNote.objects.update_or_create(
                user=user,
                date=date,
                platform=note.platform,
                defaults={"version": note.version, "body": note.body, "tone": user.tone, **author},
            )[0]
            for note in rendered
        ]
