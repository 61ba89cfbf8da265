"""The scheduler inside a server process: started once, holding the lock, stopping within seconds.

APScheduler runs two interval jobs in its thread: the sweep (every few minutes, and once at
start-up, which is the explicit catch-up after downtime) and the heartbeat. The sweep job
coalesces and never overlaps itself; the slots' unique runs keep the work from repeating.
"""

import atexit
import datetime as dt
import logging
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from apscheduler.executors.base import BaseExecutor, run_job
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from django.conf import settings
from django.db import connections
from django.utils import timezone

from core.models import SchedulerHeartbeat
from core.runs import HEARTBEAT_SECONDS, HOST, heartbeat_fresh, interrupt_own_runs, interrupt_stale_runs
from core.scheduler.locking import SchedulerLock, scheduler_lock
from core.scheduler.sweep import sweep

log = logging.getLogger("core.scheduler")
STOP_WAIT_SECONDS = 3.0
SERVER_PROGRAMS = frozenset({"daphne"})


class DaemonThreadExecutor(BaseExecutor):
    """Runs each job in a daemon thread of its own.

    APScheduler's default pool threads are joined by the interpreter before atexit handlers run,
    so a long job would hold up shutdown until it finished; a daemon thread lets `stop()` ask the
    job to stop between people and leave within seconds.
    """

    def _do_submit_job(self, job, run_times) -> None:
        def run() -> None:
            try:
                events = run_job(job, job._jobstore_alias, run_times, self._logger.name)
            except BaseException as exc:  # handed to APScheduler, which logs it and emits its error event
                self._run_job_error(job.id, exc, exc.__traceback__)
            else:
                self._run_job_success(job.id, events)

        threading.Thread(target=run, name=f"scheduler-{job.id}", daemon=True).start()


def should_autostart(argv: Sequence[str], environ: Mapping[str, str], enabled: bool) -> bool:
    """Start only in a serving process: daphne, or runserver's child under the autoreloader.

    Never in migrate, shell, test, check, collectstatic or any other command, nor under pytest.
    """
    if not enabled or not argv:
        return False
    path = Path(argv[0])
    if path.name in SERVER_PROGRAMS or (path.name == "__main__.py" and path.parent.name in SERVER_PROGRAMS):
        return True  # `daphne ...` or `python -m daphne ...`
    program = path.name
    if program == "manage.py" and len(argv) > 1 and argv[1] == "runserver":
        return environ.get("RUN_MAIN") == "true" or "--noreload" in argv
    return False


class LiveScheduler:
    """The process's scheduler; `start()` returns False when another process holds the lock."""

    def __init__(self, lock: SchedulerLock | None = None):
        self.lock = lock
        self.stop_event = threading.Event()
        self.idle = threading.Event()
        self.idle.set()
        self.started_at: dt.datetime | None = None
        self.scheduler = BackgroundScheduler(
            timezone=dt.UTC,
            executors={"default": DaemonThreadExecutor()},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": 60 * settings.SCHEDULER_SWEEP_MINUTES,
            },
        )

    def start(self) -> bool:
        self.lock = self.lock or scheduler_lock()
        if not self.lock.acquire():
            beat = heartbeat_fresh()
            log.info("scheduler not started in pid %d: the lock is held by %s%s", os.getpid(), self.lock.holder(),
                     f" ({beat})" if beat else "")  # fmt: skip
            return False
        interrupt_stale_runs()
        self.started_at = timezone.now()
        self.beat()
        self.scheduler.add_job(self.sweep, IntervalTrigger(minutes=settings.SCHEDULER_SWEEP_MINUTES), id="sweep",
                               name="sweep", next_run_time=timezone.now())  # fmt: skip
        self.scheduler.add_job(self.beat, IntervalTrigger(seconds=HEARTBEAT_SECONDS), id="heartbeat", name="heartbeat")
        self.scheduler.start()
        atexit.register(self.stop)
        log.info("scheduler started in pid %d on %s (sweep every %d min, grace %g h)", os.getpid(), HOST,
                 settings.SCHEDULER_SWEEP_MINUTES, settings.SCHEDULER_GRACE_HOURS)  # fmt: skip
        return True

    def sweep(self) -> None:
        self.idle.clear()
        try:
            sweep(timezone.now(), self.stop_event)
        finally:
            connections.close_all()  # each job runs in a thread of its own, which ends here
            self.idle.set()

    def beat(self) -> None:
        assert self.started_at is not None  # beats only once started
        now = timezone.now()
        SchedulerHeartbeat.objects.update_or_create(
            name="scheduler", defaults={"pid": os.getpid(), "host": HOST, "started_at": self.started_at, "beat_at": now}
        )
        connections.close_all()

    def stop(self) -> None:
        """Ask a running job to stop between people, wait a few seconds, mark what is left interrupted."""
        if self.stop_event.is_set():
            return
        self.stop_event.set()
        self.scheduler.shutdown(wait=False)
        if not self.idle.wait(STOP_WAIT_SECONDS):
            log.warning("a job was still running after %g s; stopping anyway", STOP_WAIT_SECONDS)
        interrupted = interrupt_own_runs()
        SchedulerHeartbeat.objects.filter(name="scheduler", pid=os.getpid(), host=HOST).delete()
        if self.lock is not None:
            self.lock.release()
        log.info(
            "scheduler stopped in pid %d%s", os.getpid(), f", {interrupted} run(s) interrupted" if interrupted else ""
        )


def start_in_background() -> threading.Thread | None:
    """From AppConfig.ready: start the scheduler in a thread of its own if this process serves.

    The lock and the database are touched in that thread, never in ready() itself.
    """
    if not should_autostart(sys.argv, os.environ, settings.SCHEDULER_AUTOSTART):
        return None
    thread = threading.Thread(target=LiveScheduler().start, name="scheduler-start", daemon=True)
    thread.start()
    return thread
