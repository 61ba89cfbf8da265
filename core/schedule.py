"""What runs when: the jobs, their triggers, and the slot each moment falls in.

Read by the scheduler (what is due now) and by the pages (when a person's jobs next run); it
knows no database. The per-person jobs are due at a local hour in each person's own timezone,
so they are worked out per zone by a sweep rather than given one cron line; the triggers are
APScheduler's own CronTriggers, used here to compute due times.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, replace

from apscheduler.triggers.cron import CronTrigger

LOOKBACK = dt.timedelta(days=8)  # far enough back to find the latest weekly slot


@dataclass(frozen=True)
class JobSpec:
    name: str
    title: str
    hour: int
    per_user_zone: bool  # due at `hour` in each person's zone; else in the server's zone
    day_of_week: str = "*"  # APScheduler 3.x counts 0 as Monday: name the day ("sun")
    minute: int = 0

    def trigger(self, zone: str) -> CronTrigger:
        return CronTrigger(
            day_of_week=self.day_of_week, hour=self.hour, minute=self.minute, timezone=zoneinfo.ZoneInfo(zone)
        )

    def describe(self, server_zone: str) -> str:
        where = "in each person's timezone" if self.per_user_zone else f"in {server_zone}"
        return f"{self.trigger('UTC')} {where}"


DAILY_GCODE = JobSpec("daily_gcode", "Daily G-Code", 4, per_user_zone=True)
PATCH_NOTES = JobSpec("patch_notes", "Spiritual Patch Notes", 5, per_user_zone=True)
CLEANUP = JobSpec("cleanup", "Weekly cleanup", 3, per_user_zone=False, day_of_week="sun")
# Due at each person's chosen local time; 07:00 (the default) stands for it in listings.
MORNING_EMAIL = JobSpec("morning_email", "Morning email", 7, per_user_zone=True)
JOBS: dict[str, JobSpec] = {spec.name: spec for spec in (DAILY_GCODE, PATCH_NOTES, MORNING_EMAIL, CLEANUP)}


def at_local_time(spec: JobSpec, at: dt.time) -> JobSpec:
    """The same job due at another local time (a person's chosen hour and minute)."""
    return replace(spec, hour=at.hour, minute=at.minute)


@dataclass(frozen=True)
class Slot:
    """One due occurrence of a job in one zone: the key its run is recorded under."""

    job: str
    zone: str
    date: dt.date  # the local date it is due on
    due_at: dt.datetime  # aware, UTC

    @property
    def key(self) -> str:
        return f"{self.date.isoformat()}/{self.zone}"


def slot_at(spec: JobSpec, zone: str, fire_time: dt.datetime) -> Slot:
    local = fire_time.astimezone(zoneinfo.ZoneInfo(zone))
    return Slot(spec.name, zone, local.date(), fire_time.astimezone(dt.UTC))


def latest_due(spec: JobSpec, zone: str, now: dt.datetime) -> Slot | None:
    """The most recent slot due at or before `now` (within the last eight days)."""
    trigger = spec.trigger(zone)
    fire = trigger.get_next_fire_time(None, now - LOOKBACK)
    latest = None
    while fire is not None and fire <= now:
        latest = fire
        fire = trigger.get_next_fire_time(fire, fire + dt.timedelta(seconds=1))
    return slot_at(spec, zone, latest) if latest else None


def next_due(spec: JobSpec, zone: str, now: dt.datetime) -> dt.datetime:
    """When the job is next due in this zone (UTC)."""
    return spec.trigger(zone).get_next_fire_time(None, now + dt.timedelta(seconds=1)).astimezone(dt.UTC)


def slot_for_date(spec: JobSpec, zone: str, date: dt.date) -> Slot:
    """The slot of a given local date (for a manual run)."""
    start = dt.datetime.combine(date, dt.time(0), tzinfo=zoneinfo.ZoneInfo(zone))
    fire = spec.trigger(zone).get_next_fire_time(None, start)
    return Slot(spec.name, zone, date, fire.astimezone(dt.UTC))
