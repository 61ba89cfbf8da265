"""The day in the foreground and the seasons behind it, as plain data for storage and text.

The events are what happens on this local day, in time order: exact contacts (the Moon's and the
fast planets' above all), the Moon's ingress and principal phase, stations, eclipses. Slow
transits within orb are seasons: when each entered orb, its exact passes and when it leaves.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any, overload

from core.astro.aspects import KIND_BY_NAME
from core.astro.local_time import load_zone
from core.astro.seasons import SLOW_BODIES, Season, season_of
from core.astro.transits import DayReport, TransitEvent

MAX_EVENTS = 12
WEEK = 7


@overload
def local_clock(instant: dt.datetime, zone: str) -> str: ...
@overload
def local_clock(instant: dt.datetime | None, zone: str) -> str | None: ...
def local_clock(instant: dt.datetime | None, zone: str) -> str | None:
    return instant.astimezone(load_zone(zone)).strftime("%H:%M") if instant else None


def local_date(instant: dt.datetime, zone: str) -> str:
    return instant.astimezone(load_zone(zone)).date().isoformat()


def contact_event(e: TransitEvent, at: dt.datetime, zone: str) -> dict[str, Any]:
    return {
        "at": local_clock(at, zone), "type": "contact", "body": e.transit, "kind": e.kind,
        "natal": e.natal, "nature": KIND_BY_NAME[e.kind].nature, "retrograde": e.transit_retrograde,
    }  # fmt: skip


def day_events(report: DayReport, counted: Iterable[TransitEvent]) -> list[dict[str, Any]]:
    """Everything that happens at a time on this local day, earliest first (at most MAX_EVENTS)."""
    zone, sky = report.zone, report.sky
    timed = [(at, contact_event(e, at, zone)) for e in counted for at in e.perfections]  # an aspect may perfect twice
    timed += [(i.at, {"at": local_clock(i.at, zone), "type": "ingress", "body": i.body, "sign": i.sign})
              for i in sky.ingresses if i.body == "Moon"]  # fmt: skip
    if sky.moon.exact_phase_at:
        phase = {"at": local_clock(sky.moon.exact_phase_at, zone), "type": "phase", "phase": sky.moon.exact_phase}
        timed.append((sky.moon.exact_phase_at, phase))
    timed += [(s.at, {"at": local_clock(s.at, zone), "type": "station", "body": s.body, "direction": s.direction})
              for s in sky.stations]  # fmt: skip
    timed += [(e.at, {"at": local_clock(e.at, zone), "type": "eclipse", "kind": e.kind, "eclipse": e.type})
              for e in sky.eclipses]  # fmt: skip
    timed.sort(key=lambda pair: pair[0])
    return [event for _, event in timed[:MAX_EVENTS]]


def season_dict(season: Season, report: DayReport) -> dict[str, Any]:
    """A season as the day sees it: its dates in the person's zone, and where today stands in it."""
    zone = report.zone
    today = report.date
    entered, leaves = local_date(season.entered, zone), local_date(season.leaves, zone)
    passes = [
        {"date": local_date(p.at, zone), "at": local_clock(p.at, zone), "retrograde": p.retrograde}
        for p in season.passes
    ]
    return {
        "transit": season.transit, "natal": season.natal, "kind": season.kind,
        "nature": KIND_BY_NAME[season.kind].nature, "entered": entered, "leaves": leaves, "passes": passes,
        "day": (today - dt.date.fromisoformat(entered)).days + 1,
        "days_left": (dt.date.fromisoformat(leaves) - today).days,
    }  # fmt: skip


def day_seasons(
    report: DayReport, counted: Iterable[TransitEvent], natal_longitudes: dict[str, float]
) -> list[dict[str, Any]]:
    """The seasons of the slow transits within orb during the day, the soonest to end first."""
    found = []
    for e in counted:
        if e.transit not in SLOW_BODIES:
            continue
        for instant in (report.start + (report.end - report.start) / 2, report.start, report.end):
            season = season_of(e.transit, e.natal, natal_longitudes[e.natal], e.kind, instant)
            if season:
                found.append(season_dict(season, report))
                break
    return sorted(found, key=lambda s: (s["leaves"], s["transit"], s["natal"]))


def season_turns(seasons: list[dict[str, Any]], date: str) -> list[dict[str, Any]]:
    """The seasons worth a paragraph today: one that begins, is exact, ends, or completes a week."""
    today = dt.date.fromisoformat(date).isoformat()

    def rank(s: dict[str, Any]) -> int:
        """0 exact today, 1 begins, 2 ends, 3 a week completed, 4 nothing to say."""
        if any(p["date"] == today for p in s["passes"]):
            return 0
        return 1 if s["day"] == 1 else 2 if s["days_left"] == 0 else 3 if s["day"] % WEEK == 0 else 4

    return sorted((s for s in seasons if rank(s) < 4), key=rank)
