"""What the scheduler is doing, read from the database so that any process (a shell) can see it."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from core.models import JobRun
from core.runs import heartbeat_fresh
from core.schedule import JOBS, JobSpec, next_due
from core.scheduler.sweep import people_zones


def next_run_time(spec: JobSpec, zones: list[str], now: dt.datetime) -> dt.datetime | None:
    """The soonest the job is due anywhere it applies (each person's zone, or the server's)."""
    zones = zones if spec.per_user_zone else [settings.TIME_ZONE]
    return min((next_due(spec, zone, now) for zone in zones), default=None)


def last_run(spec: JobSpec) -> dict[str, Any] | None:
    run = JobRun.objects.filter(job=spec.name).exclude(started_at=None).first()
    if run is None:
        run = JobRun.objects.filter(job=spec.name).order_by("-finished_at").first()
    if run is None:
        return None
    return {
        "slot": run.slot, "status": run.status, "trigger": run.trigger, "started_at": run.started_at,
        "finished_at": run.finished_at, "users_done": run.users_done, "users_failed": run.users_failed,
    }  # fmt: skip


def get_scheduler_jobs(now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Each job: id, name, trigger, next run time, last run with its status, and the live scheduler (if any)."""
    now = now or timezone.now()
    zones = people_zones()
    beat = heartbeat_fresh(now)
    holder = {"pid": beat.pid, "host": beat.host, "beat_at": beat.beat_at} if beat else None
    return [
        {
            "id": spec.name,
            "name": spec.title,
            "trigger": spec.describe(settings.TIME_ZONE),
            "next_run_time": next_run_time(spec, zones, now),
            "last_run": last_run(spec),
            "scheduler_alive": beat is not None,
            "lock_holder": holder,
        }
        for spec in JOBS.values()
    ]
