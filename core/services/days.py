"""A person's days: the forecast ahead, the history behind, two ranges compared, and day notes."""

import datetime as dt
import hashlib
import statistics
from dataclasses import dataclass

from django.core.cache import cache

from core.astro.local_time import MissingLocalDay
from core.gcode.score import LEVELS, intensity_level
from core.models import DailyGCode, DayNote, User
from core.services.charts import chart_fingerprint, natal_chart_data
from core.services.gcode import facts_for

FORECAST_SPANS = (7, 30)
FORECAST_CACHE_SECONDS = 24 * 3600  # keyed by its first date, so a day's forecast is not asked for again after it


@dataclass(frozen=True)
class ForecastDay:
    date: dt.date
    score: int
    level: str
    leading: list[dict]  # the day's three strongest transits


def forecast(user: User, start: dt.date, days: int) -> list[ForecastDay]:
    """Scores and the contacts that lead each coming day, computed now and not stored (nor is the chart).

    A day is led by what perfects on it (with its time), then by its strongest transits: the slow
    contacts that lead most days' totals would otherwise fill every row alike.
    """
    result = []
    chart = natal_chart_data(user)
    for offset in range(days):
        date = start + dt.timedelta(days=offset)
        try:
            facts = facts_for(user, date, chart)
        except MissingLocalDay:
            continue
        exact = [
            {"transit": e["body"], "kind": e["kind"], "natal": e["natal"], "exact_at": e["at"], "nature": e["nature"]}
            for e in facts.events
            if e["type"] == "contact"
        ]
        strongest = [
            {"transit": t.transit, "kind": t.kind, "natal": t.natal, "exact_at": t.exact_clock, "nature": t.nature}
            for t in facts.transits
        ]
        timed = {(e["transit"], e["kind"], e["natal"]) for e in exact}
        leading = [*exact, *(t for t in strongest if (t["transit"], t["kind"], t["natal"]) not in timed)][:3]
        result.append(ForecastDay(date, facts.score, facts.level, leading))
    return result


def forecast_cache_key(user: User, start: dt.date, days: int) -> str:
    """What a forecast depends on: the chart (birth data, house system, zodiac, ephemeris: its fingerprint),
    the zone its local dates and times are in, the first date and the span. The tone writes no forecast text."""
    depends_on = "|".join((chart_fingerprint(user), user.schedule_timezone, start.isoformat(), str(days)))
    return f"forecast:{user.pk}:{hashlib.sha256(depends_on.encode()).hexdigest()}"


def cached_forecast(user: User, start: dt.date, days: int) -> list[ForecastDay]:
    """The forecast, computed once per person, chart, zone, first date and span; new birth data is a new key."""
    key = forecast_cache_key(user, start, days)
    found = cache.get(key)
    if found is None:
        found = forecast(user, start, days)
        cache.set(key, found, FORECAST_CACHE_SECONDS)
    return found


def history(user: User, start: dt.date, end: dt.date) -> list[DailyGCode]:
    return list(DailyGCode.objects.filter(user=user, date__range=(start, end)).order_by("date"))


def notes_between(user: User, start: dt.date, end: dt.date) -> list[DayNote]:
    return list(DayNote.objects.filter(user=user, date__range=(start, end)).order_by("date"))


@dataclass(frozen=True)
class RangeSummary:
    start: dt.date
    end: dt.date
    days: int
    mean: float | None
    median: float | None
    lowest: int | None
    highest: int | None
    levels: dict[str, int]


def summarize(user: User, start: dt.date, end: dt.date) -> RangeSummary:
    """Count, mean, median, extremes and days per level of the stored scores in a range."""
    return summary_of(history(user, start, end), start, end)


def summary_of(records: list[DailyGCode], start: dt.date, end: dt.date) -> RangeSummary:
    """The summary of a range's stored days already read (the history page has them at hand)."""
    scores = [r.score for r in records]
    levels: dict[str, int] = {name: 0 for _, name in reversed(LEVELS)}
    for score in scores:
        levels[intensity_level(score)] += 1
    if not scores:
        return RangeSummary(start, end, 0, None, None, None, None, levels)
    return RangeSummary(
        start, end, len(scores), round(statistics.fmean(scores), 1), statistics.median(scores), min(scores),
        max(scores), levels,
    )  # fmt: skip


def save_day_note(user: User, date: dt.date, text: str) -> DayNote | None:
    """Attach, replace or (with empty text) remove the person's note on a day."""
    text = text.strip()
    if not text:
        DayNote.objects.filter(user=user, date=date).delete()
        return None
    note, _ = DayNote.objects.update_or_create(user=user, date=date, defaults={"text": text})
    return note
