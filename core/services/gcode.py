"""The daily G-Code and patch notes of a person: the one path the jobs, commands and pages use."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from core.astro.local_time import local_date
from core.astro.transits import day_report
from core.gcode.facts import DayFacts, day_facts, stored_transit_points
from core.models import DailyGCode, PatchNote, User
from core.oracle.gemini import GeminiSettings
from core.oracle.patch_notes import render_patch_notes
from core.oracle.texts import DailyTexts, Engine
from core.oracle.writer import write_daily_texts
from core.services.charts import current_natal_chart


def local_today(user: User) -> dt.date:
    """Today's date where the person lives (their schedule timezone): the one "today" of pages, jobs and commands."""
    return local_date(timezone.now(), user.schedule_timezone)


def gemini_settings() -> GeminiSettings | None:
    """Gemini's settings when a key is configured, else None (the local engine writes)."""
    if not settings.GEMINI_API_KEY:
        return None
    return GeminiSettings(
        settings.GEMINI_API_KEY, settings.GEMINI_MODEL, settings.GEMINI_TIMEOUT, settings.GEMINI_BASE_URL
    )


def chart_day_facts(chart_data: dict, date: dt.date, zone: str) -> DayFacts:
    """The facts of a local date in `zone` for a chart in its stored form: transits to it, scored."""
    points, time_known = stored_transit_points(chart_data)
    return day_facts(day_report(points, date, zone), points, time_known)


def facts_for(user: User, date: dt.date, chart_data: dict | None = None) -> DayFacts:
    """The facts of the person's local date: transits to their chart (the stored one unless given), scored."""
    return chart_day_facts(chart_data or current_natal_chart(user).data, date, user.schedule_timezone)


def written_by(texts: DailyTexts) -> dict:
    return {
        "engine": texts.engine, "model": texts.model, "prompt_tokens": texts.prompt_tokens,
        "output_tokens": texts.output_tokens, "fallback_reason": texts.fallback_reason[:300],
    }  # fmt: skip


DAILY_FIELDS = [
    "score", "level", "themes", "facts", "program", "interpretation", "affirmation", "guidance", "summary",
    "tone", "engine", "model", "prompt_tokens", "output_tokens", "fallback_reason", "written_at",
]  # fmt: skip
NOTE_FIELDS = ["version", "body", "tone", "engine", "model", "written_at"]


def daily_record(user: User, date: dt.date, ask_model: bool = True, chart_data: dict | None = None) -> DailyGCode:
    """The person's G-Code for a local date, computed and written but not yet saved.

    `ask_model=False` keeps Gemini out of it (the local engine writes): for a recomputation the
    person did not ask for, so that one person's day costs at most one model call, and for a page
    computing a day on demand, which never calls the network."""
    facts = facts_for(user, date, chart_data)
    gemini = gemini_settings() if ask_model else None
    texts = write_daily_texts(facts, user.tone, gemini)  # may call Gemini: outside any transaction
    return DailyGCode(
        user=user, date=date, score=facts.score, level=facts.level, themes=facts.themes, facts=facts.as_dict(),
        program="\n".join(facts.program), interpretation=texts.interpretation, affirmation=texts.affirmation,
        guidance=texts.guidance, summary=texts.summary[:200], tone=user.tone, **written_by(texts),
    )  # fmt: skip


def save_daily_records(records: list[DailyGCode]) -> None:
    """Insert or replace (user, date) records in one statement; a record's pin survives its replacement."""
    DailyGCode.objects.bulk_create(
        records, update_conflicts=True, unique_fields=["user", "date"], update_fields=DAILY_FIELDS
    )


def compute_daily_gcode(user: User, date: dt.date) -> DailyGCode:
    """Compute and store the person's G-Code for a local date, replacing an earlier one (its pin is kept)."""
    save_daily_records([daily_record(user, date)])
    return DailyGCode.objects.get(user=user, date=date)


def daily_gcode(user: User, date: dt.date) -> DailyGCode:
    """The stored G-Code of a date, computed first if there is none."""
    return DailyGCode.objects.filter(user=user, date=date).first() or compute_daily_gcode(user, date)


def patch_note_records(user: User, daily: DailyGCode) -> list[PatchNote]:
    """The date's patch notes for every platform from its G-Code, not yet saved.

    The items are the local engine's; a release summary Gemini wrote for the day heads them.
    """
    facts = daily.day_facts
    summary_by_gemini = daily.engine == Engine.GEMINI and bool(daily.summary)
    author = {"engine": Engine.GEMINI, "model": daily.model} if summary_by_gemini else {"engine": Engine.LOCAL}
    return [
        PatchNote(user=user, date=daily.date, platform=note.platform, version=note.version, body=note.body,
                  tone=user.tone, **author)
        for note in render_patch_notes(facts, user.tone, daily.summary)
    ]  # fmt: skip


def save_patch_notes(notes: list[PatchNote]) -> None:
    PatchNote.objects.bulk_create(
        notes, update_conflicts=True, unique_fields=["user", "date", "platform"], update_fields=NOTE_FIELDS
    )


def generate_patch_notes(user: User, date: dt.date) -> list[PatchNote]:
    """Write the date's patch notes for every platform, replacing earlier ones; the G-Code is computed if missing."""
    save_patch_notes(patch_note_records(user, daily_gcode(user, date)))
    return list(PatchNote.objects.filter(user=user, date=date).order_by("platform"))


def gcode_payload(record: DailyGCode) -> dict:
    """The "gcode.new" event: a signal naming the date; the page fetches the server-rendered reading."""
    return {"type": "gcode.new", "date": record.date.isoformat()}
