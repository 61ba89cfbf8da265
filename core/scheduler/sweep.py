"""The sweep: every few minutes, each due slot whose work is not done is done, once.

For each job and zone the sweep looks at the latest slot due (04:00 local for the G-Code,
05:00 for the patch notes, Sunday 03:00 server time for the cleanup). Within the grace window
it does what is missing — so a server that was down at 04:00 catches up once when it returns,
not once per missed day — and beyond it records the slot as missed, unless a run of the slot
was interrupted: that one is finished for the people it missed while its date is still today. The same code runs a job
by hand (`manage.py runjob`, the staff "run now" button).
"""

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from core.astro.local_time import local_date
from core.models import Connections, JobRun, RunStatus, User
from core.runs import RunInProgress, claim, record_missed
from core.schedule import (
    CLEANUP,
    JOBS,
    MORNING_EMAIL,
    JobSpec,
    Slot,
    at_local_time,
    latest_due,
    slot_for_date,
)
from core.scheduler.work import people_needing, run_cleanup, run_for_people
from core.services.morning_email import wanting_morning_email

log = logging.getLogger("core.scheduler")


def grace() -> dt.timedelta:
    return dt.timedelta(hours=settings.SCHEDULER_GRACE_HOURS)


def people_zones() -> list[str]:
    """The timezones of everyone with the daily G-Code on."""
    zones = User.objects.filter(daily_gcode_enabled=True).values_list("schedule_timezone", flat=True)
    return sorted(set(zones))


def has_run_before(job: str) -> bool:
    """A job that never ran (a new installation) cannot have missed anything yet."""
    return JobRun.objects.filter(job=job).exclude(status=RunStatus.MISSED).exists()


def trigger_name(slot: Slot, now: dt.datetime) -> str:
    """ "schedule" when on time, "catch-up" when the sweep comes late to a slot (after a restart)."""
    late = now - slot.due_at > dt.timedelta(minutes=2 * settings.SCHEDULER_SWEEP_MINUTES)
    return "catch-up" if late else "schedule"


def resumable(spec: JobSpec, slot: Slot, now: dt.datetime) -> bool:
    """An interrupted run is finished for the people it missed, however late, while its date is still
    today in its zone: past the grace window a slot nobody started is missed, a started one is not."""
    still_today = local_date(now, slot.zone) == slot.date
    started = JobRun.objects.filter(job=spec.name, slot=slot.key, status__in=[RunStatus.INTERRUPTED, RunStatus.RUNNING])
    return still_today and started.exists()


def work_slot(
    job: str, key: str, slot: Slot, people: QuerySet[User], now: dt.datetime, stop: threading.Event
) -> JobRun | None:
    """Claim the run of a slot and do its people's work; None when nobody needs it or another process has it."""
    chosen = list(people.select_related("natal_chart"))
    if not chosen:
        return None
    try:
        run = claim(job, key, trigger_name(slot, now), slot.due_at)
    except RunInProgress as busy:
        log.info("sweep skips %s %s: %s", job, key, busy)
        return None
    return run_for_people(run, slot, chosen, stop)


def sweep_person_job(spec: JobSpec, zone: str, now: dt.datetime, stop: threading.Event) -> JobRun | None:
    slot = latest_due(spec, zone, now)
    if slot is None:
        return None
    needing = people_needing(spec.name, zone, slot.date)
    if now - slot.due_at > grace() and not resumable(spec, slot, now):
        # Only people who were here when the slot fell due missed it; later arrivals get their day on demand.
        if needing.filter(date_joined__lte=slot.due_at).exists() and has_run_before(spec.name):
            record_missed(spec.name, slot.key, slot.due_at)
        return None
    return work_slot(spec.name, slot.key, slot, needing, now, stop)


def morning_email_times() -> list[tuple[str, dt.time]]:
    """Each (zone, local time) at which someone wants the morning email."""
    chosen = Connections.objects.filter(morning_email=True, user__is_active=True).exclude(user__email="")
    return sorted(set(chosen.values_list("user__schedule_timezone", "morning_email_time")))


def sweep_morning_email(zone: str, at: dt.time, now: dt.datetime, stop: threading.Event) -> JobRun | None:
    """The morning email of one zone and local time: one run per local date, re-claimed to retry failures."""
    spec = at_local_time(MORNING_EMAIL, at)
    slot = latest_due(spec, zone, now)
    if slot is None or now - slot.due_at > grace():
        return None  # an email hours late is no morning email: that day's is skipped
    return work_slot(
        MORNING_EMAIL.name, f"{slot.key}/{at:%H:%M}", slot, wanting_morning_email(zone, slot.date, at), now, stop
    )


def sweep_cleanup(now: dt.datetime) -> JobRun | None:
    slot = latest_due(CLEANUP, settings.TIME_ZONE, now)
    if slot is None:
        return None
    existing = JobRun.objects.filter(job=CLEANUP.name, slot=slot.key).first()
    if existing is not None and existing.status != RunStatus.INTERRUPTED:
        return None
    if now - slot.due_at > grace():
        if has_run_before(CLEANUP.name):
            record_missed(CLEANUP.name, slot.key, slot.due_at)
        return None
    try:
        run = claim(CLEANUP.name, slot.key, trigger_name(slot, now), slot.due_at)
    except RunInProgress:
        return None
    return run_cleanup(run, now)


def sweep(now: dt.datetime | None = None, stop: threading.Event | None = None) -> list[JobRun]:
    """Do every due, undone piece of work; returns the runs it made."""
    now = now or timezone.now()
    stop = stop or threading.Event()
    runs: list[JobRun] = []
    zones = people_zones()
    for spec in (JOBS["daily_gcode"], JOBS["patch_notes"]):
        for zone in zones:
            if stop.is_set():
                return runs
            if (run := sweep_person_job(spec, zone, now, stop)) is not None:
                runs.append(run)
    for zone, at in morning_email_times():
        if stop.is_set():
            return runs
        if (run := sweep_morning_email(zone, at, now, stop)) is not None:
            runs.append(run)
    if not stop.is_set() and (run := sweep_cleanup(now)) is not None:
        runs.append(run)
    return runs


def run_now(name: str, *, username: str | None = None, date: dt.date | None = None,
            stop: threading.Event | None = None) -> list[JobRun]:  # fmt: skip
    """Run a job by hand. Per-person jobs redo the chosen person (or finish everyone not yet done)
    for a local date, default today in each zone; RunInProgress if that slot is running elsewhere."""
    spec, stop, now = JOBS[name], stop or threading.Event(), timezone.now()
    if not spec.per_user_zone:
        return [run_cleanup(claim(name, f"manual {now:%Y-%m-%d %H:%M:%S}", "manual", now), now)]
    people = User.objects.filter(username=username) if username else None
    zones = sorted({p.schedule_timezone for p in people}) if people is not None else people_zones()
    runs = []
    for zone in zones:
        day = date or local_date(now, zone)
        slot = slot_for_date(spec, zone, day)
        if people is not None:
            chosen = list(people.filter(schedule_timezone=zone).select_related("natal_chart"))
        else:
            chosen = list(people_needing(name, zone, day).select_related("natal_chart"))
        run = claim(name, slot.key, "manual", slot.due_at)
        runs.append(run_for_people(run, slot, chosen, stop))
    return runs
