"""A person's reading of any day they may open: stored days from storage, others computed on demand.

A day computed here is not saved: a page's GET writes nothing. The readable span runs from the
person's first day (the backfill before sign-up, or an earlier stored day) to 30 days ahead.
"""

import datetime as dt

from core.astro.local_time import local_date
from core.gcode.explain import LEVEL_MEANINGS, LEVEL_NOTE, shares
from core.models import DailyGCode, PatchNote, User
from core.services.charts import natal_chart_data
from core.services.gcode import daily_record, local_today, patch_note_records

DAYS_AHEAD = 30
BACKFILL_DAYS = 90


class DayOutOfRange(LookupError):
    """The date lies outside the span the person may read."""


def first_day(user: User) -> dt.date:
    """The earliest readable date: the backfill's first day, or an earlier stored day."""
    joined = local_date(user.date_joined, user.schedule_timezone)
    earliest = DailyGCode.objects.filter(user=user).order_by("date").values_list("date", flat=True).first()
    start = joined - dt.timedelta(days=BACKFILL_DAYS)
    return min(start, earliest) if earliest else start


def readable_span(user: User) -> tuple[dt.date, dt.date]:
    return first_day(user), local_today(user) + dt.timedelta(days=DAYS_AHEAD)


def stored_day(user: User, date: dt.date, span: tuple[dt.date, dt.date] | None = None) -> DailyGCode | None:
    """The day's stored G-Code, or None before a run stores it.

    `span`: the readable span when the caller has it already (from `readable_span`)."""
    first, last = span or readable_span(user)
    if not first <= date <= last:
        raise DayOutOfRange(f"{date} is outside {first}–{last}")
    return DailyGCode.objects.filter(user=user, date=date).first()


def computed_day(user: User, date: dt.date) -> DailyGCode:
    """The day's G-Code computed now by the local engine, and not saved."""
    return daily_record(user, date, ask_model=False, chart_data=natal_chart_data(user))


def day_reading(user: User, date: dt.date) -> DailyGCode:
    """The day's G-Code: the stored record, or one computed now by the local engine and not saved."""
    return stored_day(user, date) or computed_day(user, date)


def patch_notes_of(user: User, date: dt.date) -> list[PatchNote]:
    """The date's stored patch notes by platform, or, before a run stores them, written now from the day's
    reading and not saved (the local engine's words: a GET writes nothing and calls no one)."""
    stored = list(PatchNote.objects.filter(user=user, date=date).order_by("platform"))
    return stored or sorted(patch_note_records(user, day_reading(user, date)), key=lambda note: note.platform)


def explanation(record: DailyGCode) -> dict:
    """What the "why this score" panel shows: the shares, the level's meaning and the caveat."""
    facts = record.day_facts
    return {
        "shares": shares(facts.transits, facts.total),
        "meaning": LEVEL_MEANINGS[record.level],
        "note": LEVEL_NOTE,
        "levels": LEVEL_MEANINGS,
    }
