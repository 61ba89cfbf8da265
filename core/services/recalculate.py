"""Recalculate a person's day now, in the background, with progress they can watch.

The "recalculate" button and a birth-data change both call `start_recalculation`: it records a
run owned by the person, answers at once with it, and does the work in a thread of its own,
reporting each step to the run's progress socket and the person's dashboard.
"""

import datetime as dt
import threading
import time

from django.db import connections, transaction
from django.utils import timezone

from core.events import send_after_commit, user_group
from core.models import JobRun, User
from core.scheduler.runs import Progress, claim, fail, finish, report
from core.services.charts import current_natal_chart
from core.services.gcode import (
    daily_record,
    gcode_payload,
    gemini_settings,
    local_today,
    patch_note_records,
    save_daily_records,
    save_patch_notes,
)
from core.services.natal_reading import write_stored_reading

JOB = "recalculate"
FILL_BATCH = 10  # past days stored per statement, with a progress report after each batch
STEP_PAUSE_SECONDS = 0.15  # lets a watcher see each step; the whole run stays under a second


def start_recalculation(user: User, date: dt.date | None = None, past_days: int = 0) -> tuple[JobRun, threading.Thread]:
    """Record a run for the person's date (default: today where they are) and start it; with `past_days`
    the days before it are filled in too (after sign-up or new birth data, so history means something)."""
    date = date or local_today(user)
    now = timezone.now()
    run = claim(JOB, f"{user.pk}/{date.isoformat()}/{now:%Y%m%dT%H%M%S.%f}", "manual", now, user=user)
    args = (run, user, date, past_days)
    thread = threading.Thread(target=recalculate, args=args, name=f"recalculate-{run.pk}", daemon=True)
    transaction.on_commit(thread.start)  # the thread must see what the request saved (the new birth data)
    return run, thread


def fill_past_days(run: JobRun, user: User, date: dt.date, days: int) -> None:
    """Store the G-Codes of the `days` before `date`, written by the local engine (ninety calls to
    Gemini would spend a quota on days nobody opened yet), reporting progress as it goes."""
    chart = current_natal_chart(user).data
    dates = [date - dt.timedelta(days=n) for n in range(days, 0, -1)]
    for start in range(0, len(dates), FILL_BATCH):
        batch = dates[start : start + FILL_BATCH]
        save_daily_records([daily_record(user, d, offline=True, chart_data=chart) for d in batch])
        done = start + len(batch)
        report(run, 35 + round(30 * done / len(dates)), f"Filled in {done} of {len(dates)} past days", "past_days")


def recalculate(run: JobRun, user: User, date: dt.date, past_days: int = 0) -> JobRun:
    """Chart, (past days,) transits and words, patch notes: each a step with its progress; a failure fails the run."""
    progress = Progress(run, 1)
    try:
        report(run, 10, "Checking your natal chart", "chart")
        chart = current_natal_chart(user)
        time.sleep(STEP_PAUSE_SECONDS)
        report(run, 20, "Reading your natal chart", "natal_reading")
        write_stored_reading(user, chart, gemini_settings())
        if past_days:
            fill_past_days(run, user, date, past_days)
        report(run, 35 if not past_days else 65, "Reading today's transits and writing your G-Code", "gcode")
        record = daily_record(user, date)
        time.sleep(STEP_PAUSE_SECONDS)
        report(run, 70, "Saving and writing your patch notes", "patch_notes")
        with transaction.atomic():
            save_daily_records([record])
            saved = type(record).objects.get(user=user, date=date)
            save_patch_notes(patch_note_records(user, saved))
            run.users_done = 1
            send_after_commit(user_group(user.pk), gcode_payload(saved))
            send_after_commit(user_group(user.pk), {"type": "patch_notes.new", "date": date.isoformat()})
        time.sleep(STEP_PAUSE_SECONDS)
        return finish(run, progress)
    except Exception as exc:  # shown to the person as a failed run; the error is kept on the run
        return fail(run, exc)
    finally:
        connections.close_all()  # this thread's connections: the thread ends here
