"""A person's reading of any day they may open: stored days from storage, others computed on demand.

A day computed here is not saved: a page's GET writes nothing. The readable span runs from the
person's first day (the backfill before sign-up, or an earlier stored day) to 30 days ahead.
"""

import datetime as dt

from core.astro.local_time import local_date
from core.gcode.explain import LEVEL_MEANINGS, LEVEL_NOTE, shares
from core.models import DailyGCode, User
from core.services.charts import natal_chart_data
from core.services.gcode import daily_record, local_today

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


def day_reading(user: User, date: dt.date) -> DailyGCode:
    """The day's G-Code: the stored record, or one computed now by the local engine and not saved."""
    first, last = readable_span(user)
    if not first <= date <= last:
        raise DayOutOfRange(f"{date} is outside {first}–{last}")
    stored = DailyGCode.objects.filter(user=user, date=date).first()
    return stored or daily_record(user, date, ask_model=False, chart_data=natal_chart_data(user))


def explanation(record: DailyGCode) -> dict:
    """What the "why this score" panel shows: the shares, the level's meaning and the caveat."""
    facts = record.day_facts
    return {
        "shares": shares(facts.transits, facts.total),
        "meaning": LEVEL_MEANINGS[record.level],
        "note": LEVEL_NOTE,
        "levels": LEVEL_MEANINGS,
    }
