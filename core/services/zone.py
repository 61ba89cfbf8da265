"""Where a person lives in time: their schedule zone, when their own jobs next run, and moving zone."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from core.models import User
from core.schedule import DAILY_GCODE, PATCH_NOTES, next_due


@dataclass(frozen=True)
class PersonalRun:
    title: str
    due_at: dt.datetime  # aware, in the person's zone


def next_personal_runs(user: User, now: dt.datetime) -> list[PersonalRun]:
    """When the person's daily G-Code and patch notes are next due, in their own zone."""
    zone = zoneinfo.ZoneInfo(user.schedule_timezone)
    return [
        PersonalRun(spec.title, next_due(spec, user.schedule_timezone, now).astimezone(zone))
        for spec in (DAILY_GCODE, PATCH_NOTES)
    ]


def move_to_zone(user: User, zone: str) -> bool:
    """Live by another zone from now on; False when it already was the person's zone."""
    if user.schedule_timezone == zone:
        return False
    user.schedule_timezone = zone
    user.save(update_fields=["schedule_timezone"])
    return True
