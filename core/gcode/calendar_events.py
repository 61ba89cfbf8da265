"""A person's days as calendar events: one all-day event with the score, and the day's exact moments.

Plain data in, plain data out: the facts stored with a G-Code (or computed for a day ahead) become
events with keys that stay the same from one fetch to the next, so calendar apps update an event
instead of adding a copy.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from core.astro.local_time import load_zone
from core.astro.void_moon import void_before


@dataclass(frozen=True)
class CalendarEvent:
    key: str  # unique and stable within one person's calendar
    summary: str
    description: str
    start: dt.date | dt.datetime  # a date: all day; a datetime: UTC
    end: dt.date | dt.datetime


@dataclass(frozen=True)
class DayTexts:
    """The written reading of a stored day (a day ahead has none yet)."""

    interpretation: str
    affirmation: str


def slug(*parts: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts)


def at_local(date: dt.date, clock: str, zone: str) -> dt.datetime:
    """A local "HH:MM" of a date in a zone, as UTC (the first reading of a time that happens twice)."""
    hour, minute = (int(x) for x in clock.split(":"))
    return dt.datetime.combine(date, dt.time(hour, minute), tzinfo=load_zone(zone)).astimezone(dt.UTC)


def all_day_event(facts: dict[str, Any], texts: DayTexts | None) -> CalendarEvent:
    date = dt.date.fromisoformat(facts["date"])
    themes = " ".join(facts["themes"])
    reading = (
        [texts.interpretation, "", texts.affirmation, ""]
        if texts
        else ["A forecast: the reading is written on the day.", ""]
    )
    description = "\n".join([*reading, "G-Code program:", *facts["program"]])
    summary = f"G-Code {facts['score']} · {facts['level']} · {themes}".strip()
    return CalendarEvent(slug("day", facts["date"]), summary, description, date, date + dt.timedelta(days=1))


def moment(key: str, summary: str, description: str, at: dt.datetime) -> CalendarEvent:
    return CalendarEvent(key, summary, description, at, at)


def transit_events(facts: dict[str, Any], date: dt.date) -> list[CalendarEvent]:
    found = []
    contacts = [(t["transit"], t["kind"], t["natal"], t["nature"], clock) for t in facts["transits"]
                for clock in (t.get("exact_times") or ([t["exact_at"]] if t["exact_at"] else []))]  # fmt: skip
    contacts += [(e["body"], e["kind"], e["natal"], e["nature"], e["at"])
                 for e in facts.get("events", []) if e["type"] == "contact"]  # fmt: skip
    seen: set[tuple[str, str, str]] = set()
    for transit, kind, natal, nature, clock in sorted(set(contacts), key=lambda c: c[4]):
        key = slug("transit", facts["date"], transit, kind, natal)
        if (transit, kind, natal) in seen:  # a second perfection the same day (the first keeps the older key)
            key = slug("transit", facts["date"], transit, kind, natal, clock)
        seen.add((transit, kind, natal))
        summary = f"{transit} {kind} natal {natal} (exact)"
        found.append(moment(key, summary, nature, at_local(date, clock, facts["zone"])))
    return found


def sky_events(facts: dict[str, Any], date: dt.date) -> list[CalendarEvent]:
    """Lunations, sign ingresses (the Moon's with its void-of-course period), stations and eclipses."""
    zone, day, found = facts["zone"], facts["date"], []
    moon = facts["moon"]
    if moon.get("exact_phase") and moon.get("exact_phase_at"):
        at = at_local(date, moon["exact_phase_at"], zone)
        found.append(moment(slug("lunation", day, moon["exact_phase"]), f"{moon['exact_phase']}", "Lunation", at))
    for ingress in facts["ingresses"]:
        at = at_local(date, ingress["at"], zone)
        summary = f"{ingress['body']} enters {ingress['sign']}"
        found.append(moment(slug("ingress", day, ingress["body"], ingress["sign"]), summary, "Sign ingress", at))
        if ingress["body"] == "Moon":
            found.append(void_event(day, ingress["sign"], at))
    for station in facts["stations"]:
        at = at_local(date, station["at"], zone)
        summary = f"{station['body']} stations {station['direction']}"
        found.append(moment(slug("station", day, station["body"], station["direction"]), summary, "Station", at))
    for eclipse in facts.get("eclipses", []):
        at = at_local(date, eclipse["at"], zone)
        summary = f"{eclipse['type'].capitalize()} {eclipse['kind']} eclipse"
        found.append(moment(slug("eclipse", day, eclipse["kind"]), summary, "Greatest eclipse", at))
    return found


def void_event(day: str, next_sign: str, ingress_at: dt.datetime) -> CalendarEvent:
    void = void_before(ingress_at)
    why = f"after its last aspect, {void.last_aspect}" if void.last_aspect else "it makes no aspect in this sign"
    description = f"The Moon is void of course until it enters {next_sign}: {why}."
    return CalendarEvent(slug("void-moon", day, next_sign), "Moon void of course", description, void.start, void.end)


def day_calendar_events(facts: dict[str, Any], texts: DayTexts | None) -> list[CalendarEvent]:
    """All of one day's events, from the facts of a G-Code (`DayFacts.as_dict()`)."""
    date = dt.date.fromisoformat(facts["date"])
    return [all_day_event(facts, texts), *transit_events(facts, date), *sky_events(facts, date)]
