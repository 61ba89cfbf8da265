"""Recalculate a person's day now, in the background, with progress they can watch.

The "recalculate" button and a birth-data change both call `start_recalculation`: it records a
run owned by the person, answers at once with it, and does the work in a thread of its own,
reporting each step to the run's progress socket and the person's dashboard.

One run per person and date is live at a time: its slot is the person and the date, so a second
request gets the running one back (the run table's unique slot decides between concurrent ones).
A birth-data save during a run asks that run to go round once more instead of starting another.
"""

import datetime as dt
import logging
import threading

from django.db import connections, transaction
from django.utils import timezone

from core.events import send_after_commit, user_group
from core.models import DailyGCode, JobRun, RunStatus, User
from core.oracle.texts import Engine
from core.runs import Progress, RunInProgress, claim, fail, finish, report
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

log = logging.getLogger(__name__)

JOB = "recalculate"
FILL_BATCH = 10  # past days stored per statement, with a progress report after each batch
AGAIN = "again"  # in a live run's result: birth data changed during the run, go round once more


def recalculation_slot(user: User, date: dt.date) -> str:
    return f"{user.pk}/{date.isoformat()}"


def live_recalculation(user: User, date: dt.date | None = None) -> JobRun | None:
    """The person's running recalculation of a date (default today where they are), if any."""
    slot = recalculation_slot(user, date or local_today(user))
    return JobRun.objects.filter(job=JOB, slot=slot, status=RunStatus.RUNNING).first()


def start_recalculation(
    user: User, date: dt.date | None = None, *, ask_model: bool = True, past_days: int = 0
) -> tuple[JobRun, threading.Thread | None]:
    """Start a run for the person's date, or give back the one already running (and no thread).

    `ask_model`: the person asked for new words, so Gemini (when configured) may write them even if
    it already wrote this date's; otherwise it writes only a date that has no Gemini text yet.
    With `past_days` the days before it are filled in too (after sign-up or new birth data, so
    history means something).
    """
    date = date or local_today(user)
    try:
        run = claim(JOB, recalculation_slot(user, date), "manual", timezone.now(), user=user)
    except RunInProgress:
        return JobRun.objects.get(job=JOB, slot=recalculation_slot(user, date)), None
    ask_model = ask_model or not DailyGCode.objects.filter(user=user, date=date, engine=Engine.GEMINI).exists()
    thread = threading.Thread(
        target=recalculate, args=(run, user, date, ask_model, past_days), name=f"recalculate-{run.pk}", daemon=True
    )
    transaction.on_commit(thread.start)  # the thread must see what the request saved (the new birth data)
    return run, thread


def fill_past_days(run: JobRun, user: User, date: dt.date, days: int) -> None:
    """Store the G-Codes of the `days` before `date`, written by the local engine (ninety calls to
    Gemini would spend a quota on days nobody opened yet), reporting progress as it goes."""
    chart = current_natal_chart(user).data
    dates = [date - dt.timedelta(days=n) for n in range(days, 0, -1)]
    for start in range(0, len(dates), FILL_BATCH):
        batch = dates[start : start + FILL_BATCH]
        save_daily_records([daily_record(user, d, ask_model=False, chart_data=chart) for d in batch])
        done = start + len(batch)
        report(run, 55 + round(40 * done / len(dates)), f"Filled in {done} of {len(dates)} past days", "past_days")


def recalculate_after_change(user: User, past_days: int = 0) -> JobRun:
    """After a birth-data save: a new run, or the running one told to go round again with the new data."""
    run, thread = start_recalculation(user, ask_model=False, past_days=past_days)
    if thread is None and not JobRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(result={AGAIN: True}):
        run, _ = start_recalculation(user, ask_model=False, past_days=past_days)  # it ended just now: a fresh one
    return run


def go_again(run: JobRun) -> bool:
    """Whether a birth-data save asked this run for another round (and take the request)."""
    return bool(JobRun.objects.filter(pk=run.pk, result__has_key=AGAIN).update(result={}))


def recalculate(run: JobRun, user: User, date: dt.date, ask_model: bool = True, past_days: int = 0) -> JobRun:
    """Chart, (past days,) transits and words, patch notes: each a step with its progress; a failure fails the run."""
    progress = Progress(run, 1)
    try:
        one_round(run, user, date, ask_model, past_days)
        while go_again(run):
            user.refresh_from_db()
            one_round(run, user, date, ask_model=False, past_days=past_days)
        return finish(run, progress)
    except Exception as exc:  # shown to the person as a failed run; the error is kept on the run
        if not User.objects.filter(pk=user.pk).exists():
            log.info("recalculation %s stopped: the account was deleted during the run", run.pk)
            return run  # the run went with the account
        return fail(run, exc)
    finally:
        connections.close_all()  # this thread's connections: the thread ends here


def one_round(run: JobRun, user: User, date: dt.date, ask_model: bool, past_days: int) -> None:
    report(run, 10, "Checking your natal chart", "chart")
    chart = current_natal_chart(user)
    report(run, 20, "Reading your natal chart", "natal_reading")
    write_stored_reading(user, chart, gemini_settings() if ask_model else None)
    report(run, 35, "Reading today's transits and writing your G-Code", "gcode")
    record = daily_record(user, date, ask_model=ask_model)
    report(run, 50 if past_days else 70, "Saving and writing your patch notes", "patch_notes")
    with transaction.atomic():
        save_daily_records([record])
        saved = type(record).objects.get(user=user, date=date)
        save_patch_notes(patch_note_records(user, saved))
        run.users_done = 1
        send_after_commit(user_group(user.pk), gcode_payload(saved))
        send_after_commit(user_group(user.pk), {"type": "patch_notes.new", "date": date.isoformat()})
    if past_days:  # today first: the dashboard shows it while the days before are filled in
        fill_past_days(run, user, date, past_days)
