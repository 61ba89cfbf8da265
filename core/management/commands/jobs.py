"""Show the scheduled jobs as a table: what runs when, how the last run went, and whether a
scheduler is alive right now (read from the database, so it works from any process)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.runs import HEARTBEAT_STALE
from core.scheduler import get_scheduler_jobs

COLUMNS = ("id", "trigger", "next run (UTC)", "last slot", "last status", "done", "failed")


def when(value) -> str:
    return timezone.localtime(value, timezone.get_fixed_timezone(0)).strftime("%Y-%m-%d %H:%M") if value else "-"


class Command(BaseCommand):
    help = "List the scheduler's jobs with their next and last runs."

    def handle(self, *args, **options) -> None:
        jobs = get_scheduler_jobs()
        rows = [COLUMNS]
        for job in jobs:
            last = job["last_run"] or {}
            rows.append((job["id"], job["trigger"], when(job["next_run_time"]), last.get("slot", "-"),
                         last.get("status", "never run"), str(last.get("users_done", "-")),
                         str(last.get("users_failed", "-"))))  # fmt: skip
        widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
        for row in rows:
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        holder = jobs[0]["lock_holder"] if jobs else None
        if holder:
            self.stdout.write(
                f"\nScheduler alive: pid {holder['pid']} on {holder['host']}, last beat {when(holder['beat_at'])}"
            )
        else:
            stale = round(HEARTBEAT_STALE.total_seconds())
            self.stdout.write(f"\nNo live scheduler: no heartbeat in the last {stale} seconds.")
