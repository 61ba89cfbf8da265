"""Job runs in the database, for everyone who runs work in the background: the scheduler's jobs and a
person's "Recalculate" alike. A run is claimed once per job and slot, reports its progress, ends
succeeded, partial, failed or interrupted, and is repaired when the process running it died.

This module sits below both the services and the scheduler: it knows runs, not what they do.
"""

import datetime as dt
import logging
import os
import socket
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.events import run_group, send_after_commit, user_group
from core.models import JobRun, RunAttempt, RunStatus, SchedulerHeartbeat, User

log = logging.getLogger("core.scheduler")  # run records belong in the scheduler's log file

HOST = socket.gethostname()
HEARTBEAT_SECONDS = 30
HEARTBEAT_STALE = dt.timedelta(seconds=3 * HEARTBEAT_SECONDS)
PROGRESS_EVENT = "job.progress"


class RunInProgress(Exception):
    """Another process is running this job for this slot right now."""


def progress_event(run: JobRun, **override: Any) -> dict[str, Any]:
    """The one shape of a run's progress, as sockets, the status page and the dashboard get it."""
    return {"type": PROGRESS_EVENT, "run": run.pk, "job": run.job, "status": run.status, **run.progress, **override}


def process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def heartbeat_fresh(now: dt.datetime | None = None) -> SchedulerHeartbeat | None:
    """The live scheduler's heartbeat, or None when no scheduler has beaten recently."""
    beat = SchedulerHeartbeat.objects.filter(name="scheduler").first()
    now = now or timezone.now()
    return beat if beat is not None and now - beat.beat_at <= HEARTBEAT_STALE else None


def run_is_live(run: JobRun) -> bool:
    """Whether the process that owns a "running" row is still there to finish it."""
    if run.status != RunStatus.RUNNING:
        return False
    if run.host == HOST:
        return process_alive(run.pid)
    return heartbeat_fresh() is not None


def claim(job: str, slot: str, trigger: str, due_at: dt.datetime | None, user: User | None = None) -> JobRun:
    """Start the run of a job for a slot: a new row, or the old one reopened; RunInProgress if it is live."""
    owner: dict[str, Any] = {
        "status": RunStatus.RUNNING,
        "trigger": trigger,
        "pid": os.getpid(),
        "host": HOST,
        "started_at": timezone.now(),
        "finished_at": None,
        "error_text": "",
        "progress": {},
        "users_failed": 0,
    }  # fmt: skip  (a rerun keeps users_done: it completes the same slot)
    try:
        with transaction.atomic():
            return JobRun.objects.create(job=job, slot=slot, due_at=due_at, user=user, **owner)
    except IntegrityError:
        run = JobRun.objects.get(job=job, slot=slot)
    if run_is_live(run):
        raise RunInProgress(
            f"{job} for {slot} is already running (pid {run.pid} on {run.host}, since {run.started_at:%H:%M:%S} UTC)."
        )
    # Conditional update: of two processes reopening the same row, one wins.
    with transaction.atomic():
        if not JobRun.objects.filter(pk=run.pk, status=run.status, pid=run.pid).update(**owner):
            raise RunInProgress(f"{job} for {slot} was just claimed by another process.")
        keep_attempt(run)
    run.refresh_from_db()
    return run


def keep_attempt(run: JobRun) -> RunAttempt:
    """The history keeps the attempt a rerun replaces (a stale "running" one counts as interrupted)."""
    status = RunStatus.INTERRUPTED if run.status == RunStatus.RUNNING else run.status
    return RunAttempt.objects.create(
        run=run, trigger=run.trigger, status=status, started_at=run.started_at, finished_at=run.finished_at,
        users_done=run.users_done, users_failed=run.users_failed, error_text=run.error_text, pid=run.pid,
        host=run.host,
    )  # fmt: skip


def record_missed(job: str, slot: str, due_at: dt.datetime) -> bool:
    """Record that a slot's work was not done within its grace window; False if it was already recorded."""
    _, created = JobRun.objects.get_or_create(
        job=job, slot=slot,
        defaults={"status": RunStatus.MISSED, "due_at": due_at, "finished_at": timezone.now(), "host": HOST,
                  "error_text": "The scheduler was not running within the grace window after this slot was due."},
    )  # fmt: skip
    if created:
        log.warning("%s for %s missed: due %s, outside the grace window", job, slot, due_at.isoformat())
    return created


def report(run: JobRun, percent: int, message: str, step: str | None = None) -> None:
    """Store a running job's progress (the snapshot a late client gets) and send it after commit."""
    run.progress = {"state": "running", "step": step or run.job, "percent": percent, "message": message}
    JobRun.objects.filter(pk=run.pk).update(
        users_done=run.users_done, users_failed=run.users_failed, progress=run.progress
    )
    announce(run)


@dataclass
class Progress:
    """Counts and the persisted snapshot of a running job; sends each step to the run's group after commit."""

    run: JobRun
    total: int  # people in this attempt
    failures: list[str] = field(default_factory=list)
    done_before: int = -1  # people a previous attempt at the same slot already did

    def __post_init__(self) -> None:
        if self.done_before < 0:
            self.done_before = self.run.users_done

    @property
    def handled(self) -> int:
        """People this attempt has done or failed so far."""
        return self.run.users_done - self.done_before + self.run.users_failed

    def step(self) -> None:
        percent = 100 if not self.total else round(100 * self.handled / self.total)
        report(self.run, percent, f"{self.handled} of {self.total} people")

    def failed(self, who: str, exc: BaseException) -> None:
        self.run.users_failed += 1
        self.failures.append(f"{who}: {type(exc).__name__}: {exc}")
        log.exception("%s for %s failed for %s", self.run.job, self.run.slot, who)


def finish(run: JobRun, progress: Progress, interrupted: bool = False, result: dict[str, Any] | None = None) -> JobRun:
    """Close a run: succeeded, partial (some people failed), or interrupted; logged and sent."""
    if interrupted:
        run.status = RunStatus.INTERRUPTED
    else:
        run.status = RunStatus.PARTIAL if run.users_failed else RunStatus.SUCCEEDED
    run.finished_at = timezone.now()
    run.error_text = "\n".join(progress.failures)[:20000]
    run.result = result or run.result
    state = {"succeeded": "done", "partial": "done", "interrupted": "interrupted"}[run.status]
    percent = 100 if state == "done" else run.progress.get("percent", 0)
    message = f"{run.users_done} done, {run.users_failed} failed"
    run.progress = {**run.progress, "state": state, "percent": percent, "message": message}
    run.save()
    announce(run)
    log.info("%s for %s %s: %d done, %d failed", run.job, run.slot, run.status, run.users_done, run.users_failed)
    return run


def announce(run: JobRun) -> None:
    """Send a run's progress to its watchers (and to its owner's dashboard), after commit."""
    event = progress_event(run)
    steps = f"run.{run.pk}.progress"  # each step, and the end, makes the one before it stale
    send_after_commit(run_group(run.pk), event, steps)
    if run.user_id:
        send_after_commit(user_group(run.user_id), event, steps)


def fail(run: JobRun, exc: BaseException) -> JobRun:
    """A run that broke as a whole (not one person): failed, with the error kept."""
    run.status, run.finished_at = RunStatus.FAILED, timezone.now()
    run.error_text = f"{type(exc).__name__}: {exc}"
    run.progress = {**run.progress, "state": "failed", "message": run.error_text[:200]}
    run.save()
    announce(run)
    log.exception("%s for %s failed", run.job, run.slot)
    return run


def interrupt_stale_runs() -> int:
    """Runs left "running" by a process that is gone (a SIGKILL, a crash) become interrupted."""
    stale = [run.pk for run in JobRun.objects.running() if not run_is_live(run)]
    count = JobRun.objects.filter(pk__in=stale, status=RunStatus.RUNNING).update(
        status=RunStatus.INTERRUPTED, finished_at=timezone.now(), error_text="The process running it stopped."
    )
    if count:
        log.warning("%d stale running job run(s) marked interrupted", count)
    return count


def interrupt_own_runs() -> int:
    """At shutdown: this process's runs that are still going are marked interrupted."""
    return JobRun.objects.filter(status=RunStatus.RUNNING, pid=os.getpid(), host=HOST).update(
        status=RunStatus.INTERRUPTED, finished_at=timezone.now(), error_text="The server stopped during the run."
    )
