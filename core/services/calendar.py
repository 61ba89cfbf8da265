"""The private calendar: a person's days past and ahead as iCalendar, built from what is stored, never saved.

Stored G-Codes give the days behind (with their reading); days without one, ahead above all, are
computed from the stored chart for the occasion. The ETag depends only on what the calendar is made
of, so an hourly poll of an unchanged calendar is answered 304 without computing anything.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import cast

import icalendar
from django.core.cache import cache
from django.db.models import Count, Max

from core.astro.transits import day_report, local_day_bounds
from core.gcode.calendar_events import CalendarEvent, DayTexts, day_calendar_events
from core.gcode.facts import DayFacts, day_facts, stored_transit_points
from core.models import DailyGCode, NatalChart, User

PAST_DAYS, AHEAD_DAYS = 30, 60
FORMAT = "1"  # change when the events' wording changes, so that every calendar's ETag changes with it
PRODID = "-//Spiritual G-Code//Personal calendar//EN"
UID_DOMAIN = "spiritual-g-code"
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class CalendarVersion:
    etag: str
    last_modified: dt.datetime


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    return today - dt.timedelta(days=PAST_DAYS), today + dt.timedelta(days=AHEAD_DAYS)


def calendar_version(user: User, today: dt.date) -> CalendarVersion:
    """What the calendar is made of, in one hash: the dates, the stored days, the chart, the zone."""
    start, end = window(today)
    stored = DailyGCode.objects.filter(user=user, date__range=(start, end)).aggregate(
        n=Count("id"), at=Max("written_at")
    )
    chart = NatalChart.objects.filter(user=user).values_list("fingerprint", "computed_at").first()
    parts = [FORMAT, user.pk, today, user.schedule_timezone, chart, stored["n"], stored["at"]]
    etag = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    day_began, _ = local_day_bounds(today, user.schedule_timezone)  # the window moves at local midnight
    moments = [day_began, stored["at"], chart[1] if chart else None]
    return CalendarVersion(etag, max(m for m in moments if m is not None).replace(microsecond=0))


def days_of_window(user: User, today: dt.date) -> list[tuple[DayFacts, DayTexts | None]]:
    """Each date's facts and reading: stored when there is a G-Code, computed (not saved) otherwise."""
    start, end = window(today)
    stored = {r.date: r for r in DailyGCode.objects.filter(user=user, date__range=(start, end))}
    chart = NatalChart.objects.filter(user=user).first()
    points, time_known = stored_transit_points(chart.data) if chart else ([], False)
    days: list[tuple[DayFacts, DayTexts | None]] = []
    for offset in range((end - start).days + 1):
        date = start + dt.timedelta(days=offset)
        if (record := stored.get(date)) is not None:
            days.append((record.day_facts, DayTexts(record.interpretation, record.affirmation)))
        elif chart is not None:
            facts = day_facts(day_report(points, date, user.schedule_timezone), points, time_known)
            days.append((facts, None))
    return days


def ical_event(event: CalendarEvent, uid_suffix: str, stamp: dt.datetime) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", f"{event.key}-{uid_suffix}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    item.add("dtstart", event.start)
    if event.end != event.start:
        item.add("dtend", event.end)
    item.add("summary", event.summary)
    item.add("description", event.description)
    item.add("transp", "TRANSPARENT")  # a G-Code never makes anyone look busy
    return item


def render_calendar(user: User, today: dt.date, version: CalendarVersion) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"G-Code · {user.username}")
    calendar.add("x-wr-timezone", user.schedule_timezone)
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for facts, texts in days_of_window(user, today):
        for event in day_calendar_events(facts, texts):
            calendar.add_component(ical_event(event, f"u{user.pk}", version.last_modified))
    return calendar.to_ical()


def calendar_body(user: User, today: dt.date, version: CalendarVersion) -> bytes:
    """The calendar's bytes, made once per version (a client without conditional requests costs one lookup)."""
    return cast(
        bytes,
        cache.get_or_set(
            f"calendar:{user.pk}:{version.etag}", lambda: render_calendar(user, today, version), CACHE_SECONDS
        ),
    )
