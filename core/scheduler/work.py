"""The jobs' work: who needs what for a slot, done in batches, one person's failure kept to that person."""

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from core.events import send_after_commit, user_group
from core.models import DailyGCode, JobRun, PatchNote, User
from core.runs import Progress, fail, finish, progress_event
from core.schedule import DAILY_GCODE, MORNING_EMAIL, PATCH_NOTES, Slot
from core.services.gcode import (
    daily_gcode,
    daily_record,
    gcode_payload,
    patch_note_records,
    save_daily_records,
    save_patch_notes,
)
from core.services.morning_email import deliver_morning_email, wanting_morning_email

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
    if job == MORNING_EMAIL.name:
        return wanting_morning_email(zone, date)
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


@dataclass(frozen=True)
class PersonWork:
    """What a per-person job does for each person, how it saves a batch, and what it tells them after."""

    produce: Callable[[User, dt.date], list]  # the unsaved records for one person
    save: Callable[[list], None]  # one batch of records in one statement
    announce: Callable[[JobRun, User, list, dt.date], None]  # events, sent after the batch commits


def announce_gcode(run: JobRun, person: User, records: list[DailyGCode], date: dt.date) -> None:
    [record] = records  # one G-Code per person and date
    send_after_commit(user_group(person.pk), gcode_payload(record))
    send_after_commit(user_group(person.pk), progress_event(run, state="done", percent=100))  # their part is done


def announce_notes(run: JobRun, person: User, records: list, date: dt.date) -> None:
    send_after_commit(user_group(person.pk), {"type": "patch_notes.new", "date": date.isoformat()})


PER_PERSON_WORK: dict[str, PersonWork] = {
    DAILY_GCODE.name: PersonWork(lambda person, date: [daily_record(person, date)], save_daily_records, announce_gcode),
    PATCH_NOTES.name: PersonWork(
        lambda person, date: patch_note_records(person, daily_gcode(person, date)), save_patch_notes, announce_notes
    ),
    # The email is the work itself: sent (or its failure recorded) per person, nothing left to save in a batch.
    MORNING_EMAIL.name: PersonWork(
        lambda person, date: [deliver_morning_email(person, date)], lambda sent: None, lambda *sent: None
    ),
}


def work_through(run: JobRun, progress: Progress, people: list[User], date: dt.date, stop: threading.Event) -> bool:
    """Each person's records, saved and announced a batch at a time; False when stopped part-way."""
    work = PER_PERSON_WORK[run.job]
    for batch in batches(people):
        done: list[tuple[User, list]] = []
        for person in batch:
            if stop.is_set():
                return False
            try:
                done.append((person, work.produce(person, date)))
            except Exception as exc:  # one person's failure must not stop the others; it is recorded
                progress.failed(person.username, exc)
        with transaction.atomic():
            work.save([record for _, records in done for record in records])
            run.users_done += len(done)
            for person, records in done:
                work.announce(run, person, records, date)
            progress.step()
    return True


def run_for_people(run: JobRun, slot: Slot, people: list[User], stop: threading.Event) -> JobRun:
    """A per-person job for one slot's people; a job-wide error fails the run, a person's error does not."""
    progress = Progress(run, len(people))
    log.info("%s for %s started (%s): %d people", run.job, run.slot, run.trigger, len(people))
    progress.step()
    try:
        completed = work_through(run, progress, people, slot.date, stop)
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
    return finish(run, progress, result=removed)
