"""The jobs' work: who needs what for a slot, done in batches, one person's failure kept to that person."""

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from core.events import send_after_commit, user_group
from core.models import DailyGCode, JobRun, PatchNote, User
from core.scheduler.definitions import DAILY_GCODE, PATCH_NOTES, Slot
from core.scheduler.runs import Progress, fail, finish
from core.services.gcode import (
    daily_gcode,
    daily_record,
    gcode_payload,
    patch_note_records,
    save_daily_records,
    save_patch_notes,
)

log = logging.getLogger("core.scheduler")
BATCH_SIZE = 200


def scheduled_people(zone: str) -> QuerySet[User]:
    """People in a zone who want the daily G-Code and have the birth data for it."""
    return (
        User.objects.filter(schedule_timezone=zone, daily_gcode_enabled=True, is_active=True)
        .exclude(birth_date=None)
        .exclude(birth_latitude=None)
        .exclude(birth_longitude=None)
        .exclude(birth_timezone="")
    )


def people_needing(job: str, zone: str, date: dt.date) -> QuerySet[User]:
    """People in the zone whose work for this job and local date is not done yet."""
    people = scheduled_people(zone)
    if job == DAILY_GCODE.name:
        done = DailyGCode.objects.filter(user=OuterRef("pk"), date=date)
        return people.filter(~Exists(done))
    has_gcode = DailyGCode.objects.filter(user=OuterRef("pk"), date=date)
    has_notes = PatchNote.objects.filter(user=OuterRef("pk"), date=date)
    return people.filter(Exists(has_gcode), ~Exists(has_notes))


def batches(people: Iterable[User], size: int = BATCH_SIZE) -> Iterable[list[User]]:
    batch: list[User] = []
    for person in people:
        batch.append(person)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_daily_gcodes(run: JobRun, progress: Progress, people: list[User], date: dt.date, stop: threading.Event) -> bool:
    """Compute, save in batches and announce each person's G-Code; False when stopped part-way."""
    for batch in batches(people):
        records = []
        for person in batch:
            if stop.is_set():
                return False
            try:
                records.append(daily_record(person, date))
            except Exception as exc:  # one person's failure must not stop the others; it is recorded
                progress.failed(person.username, exc)
        with transaction.atomic():
            save_daily_records(records)
            run.users_done += len(records)
            for record in records:
                send_after_commit(user_group(record.user_id), gcode_payload(record))
                done = {"type": "job.progress", "run": run.pk, "job": run.job, "state": "done", "percent": 100}
                send_after_commit(user_group(record.user_id), done)
            progress.step(f"{run.users_done - progress.done_before + run.users_failed} of {progress.total} people")
    return True


def run_patch_notes(run: JobRun, progress: Progress, people: list[User], date: dt.date, stop: threading.Event) -> bool:
    """Write and announce each person's patch notes from their stored G-Code; False when stopped part-way."""
    dailies = {d.user_id: d for d in DailyGCode.objects.filter(user__in=people, date=date)}
    for batch in batches(people):
        notes, done = [], []
        for person in batch:
            if stop.is_set():
                return False
            try:
                notes += patch_note_records(person, dailies.get(person.pk) or daily_gcode(person, date))
                done.append(person)
            except Exception as exc:  # one person's failure must not stop the others; it is recorded
                progress.failed(person.username, exc)
        with transaction.atomic():
            save_patch_notes(notes)
            run.users_done += len(done)
            for person in done:
                send_after_commit(user_group(person.pk), {"type": "patch_notes.new", "date": date.isoformat()})
            progress.step(f"{run.users_done - progress.done_before + run.users_failed} of {progress.total} people")
    return True


PER_PERSON_WORK: dict[str, Callable[..., bool]] = {
    DAILY_GCODE.name: run_daily_gcodes,
    PATCH_NOTES.name: run_patch_notes,
}


def run_for_people(run: JobRun, slot: Slot, people: list[User], stop: threading.Event) -> JobRun:
    """A per-person job for one slot's people; a job-wide error fails the run, a person's error does not."""
    progress = Progress(run, len(people))
    log.info("%s for %s started (%s): %d people", run.job, run.slot, run.trigger, len(people))
    progress.step(f"0 of {len(people)} people")
    try:
        completed = PER_PERSON_WORK[run.job](run, progress, people, slot.date, stop)
    except Exception as exc:  # the database went away, say: the run is marked failed and the error kept
        return fail(run, exc)
    return finish(run, progress, interrupted=not completed)


def retention_cutoff(days: int, now: dt.datetime) -> dt.date:
    return (now - dt.timedelta(days=days)).date()


def cleanup(now: dt.datetime) -> dict[str, int]:
    """Remove what the retention settings say is old enough; pinned records always stay."""
    with transaction.atomic():
        removed = {
            "daily_gcodes": DailyGCode.objects.filter(
                date__lt=retention_cutoff(settings.RETENTION_DAILY_DAYS, now), pinned=False
            ).delete()[0],
            "patch_notes": PatchNote.objects.filter(
                date__lt=retention_cutoff(settings.RETENTION_PATCH_NOTES_DAYS, now), pinned=False
            ).delete()[0],
            "job_runs": JobRun.objects.filter(
                finished_at__lt=now - dt.timedelta(days=settings.RETENTION_RUNS_DAYS)
            ).delete()[0],
            "sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        }
    log.info("cleanup removed %s", ", ".join(f"{count} {what}" for what, count in removed.items()))
    return removed


def run_cleanup(run: JobRun, now: dt.datetime | None = None) -> JobRun:
    progress = Progress(run, 1)
    try:
        removed = cleanup(now or timezone.now())
    except Exception as exc:  # a database error: the run is marked failed and the error kept
        return fail(run, exc)
    run.users_done = 0
    return finish(run, progress, result=removed)
