"""Runs: failure isolation, reruns without duplicates, refusal while running, stale runs, progress, cleanup."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command

import core.events
from core.models import DailyGCode, JobRun, PatchNote, User
from core.runs import HOST, RunInProgress, interrupt_stale_runs
from core.scheduler.sweep import run_now, sweep
from core.scheduler.work import cleanup

pytestmark = pytest.mark.django_db
MORNING = dt.datetime(2026, 11, 24, 4, 10, tzinfo=dt.UTC)


def break_birth_data(person: User) -> None:
    User.objects.filter(pk=person.pk).update(birth_timezone="Nowhere/Atlantis")  # past the form's checks


def test_a_person_whose_computation_fails_leaves_the_others_done_and_the_run_partial(person_in):
    person_in("ada", "UTC")
    bo = person_in("bo", "UTC")
    person_in("cy", "UTC")
    break_birth_data(bo)

    sweep(MORNING)

    run = JobRun.objects.get(job="daily_gcode", slot="2026-11-24/UTC")
    assert (run.status, run.users_done, run.users_failed) == ("partial", 2, 1)
    assert "bo: " in run.error_text
    assert set(DailyGCode.objects.values_list("user__username", flat=True)) == {"ada", "cy"}
    assert run.progress["state"] == "done"


def test_rerunning_completes_the_work_without_duplicates(person_in):
    person_in("ada", "UTC")
    bo = person_in("bo", "UTC")
    break_birth_data(bo)
    sweep(MORNING)
    User.objects.filter(pk=bo.pk).update(birth_timezone="Europe/London")

    [run] = run_now("daily_gcode", date=dt.date(2026, 11, 24))

    assert (run.status, run.trigger) == ("succeeded", "manual")
    assert DailyGCode.objects.filter(date=dt.date(2026, 11, 24)).count() == 2
    assert JobRun.objects.filter(job="daily_gcode").count() == 1  # the same slot's run, completed


def test_a_manual_run_while_the_scheduled_one_runs_is_refused(person_in):
    person_in("ada", "UTC")
    JobRun.objects.create(
        job="daily_gcode", slot="2026-11-24/UTC", status="running", pid=os.getpid(), host=HOST, started_at=MORNING
    )

    with pytest.raises(RunInProgress, match="already running"):
        run_now("daily_gcode", date=dt.date(2026, 11, 24))
    with pytest.raises(CommandError, match="already running"):
        call_command("runjob", "daily_gcode", "--date", "2026-11-24")
    assert not DailyGCode.objects.exists()


def test_running_rows_of_a_dead_process_become_interrupted():
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    run = JobRun.objects.create(
        job="daily_gcode", slot="2026-11-24/UTC", status="running", pid=int(dead.stdout), host=HOST
    )

    assert interrupt_stale_runs() == 1
    run.refresh_from_db()
    assert run.status == "interrupted"


def test_an_interrupted_slot_is_finished_by_the_next_sweep(person_in):
    person_in("ada", "UTC")
    JobRun.objects.create(job="daily_gcode", slot="2026-11-24/UTC", status="interrupted", due_at=MORNING)

    sweep(MORNING + dt.timedelta(minutes=5))

    run = JobRun.objects.get(job="daily_gcode", slot="2026-11-24/UTC")
    assert (run.status, run.users_done) == ("succeeded", 1)


def test_progress_is_stored_on_the_run_and_events_go_out_after_commit(
    person_in, django_capture_on_commit_callbacks, monkeypatch
):
    ada = person_in("ada", "UTC")
    sent = []
    monkeypatch.setattr(
        core.events,
        "deliver",
        lambda group, payload, supersedes=None: sent.append((group, payload, supersedes)) or True,
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sweep(MORNING)

    run = JobRun.objects.get(job="daily_gcode")
    assert run.progress == {"state": "done", "step": "daily_gcode", "percent": 100, "message": "1 done, 0 failed"}
    assert callbacks  # every event waited for its transaction
    to_ada = [p for g, p, _ in sent if g == f"user.{ada.pk}"]
    assert [p["type"] for p in to_ada] == ["gcode.new", "job.progress"]  # patch notes come at 05:00
    assert to_ada[0]["date"] == DailyGCode.objects.get(user=ada).date.isoformat()  # a signal: the page fetches the rest
    assert any(g == f"run.{run.pk}" and p["state"] == "done" for g, p, _ in sent)
    # Only the newest of a run's steps matters to a socket that is behind; a new G-Code is never dropped.
    assert {s for g, _, s in sent if g == f"run.{run.pk}"} == {f"run.{run.pk}.progress"}
    assert {s for _, p, s in sent if p["type"] == "gcode.new"} == {None}


def test_cleanup_removes_exactly_what_retention_says_and_keeps_pinned_records(person_in, settings):
    settings.RETENTION_DAILY_DAYS, settings.RETENTION_PATCH_NOTES_DAYS, settings.RETENTION_RUNS_DAYS = 30, 10, 5
    ada, bo = person_in("ada", "UTC"), person_in("bo", "UTC")
    now = dt.datetime(2026, 11, 29, 3, 0, tzinfo=dt.UTC)
    for person, days_ago, pinned in (
        (ada, 40, False),
        (bo, 40, True),
        (ada, 31, False),
        (ada, 29, False),
        (ada, 0, False),
    ):
        date = (now - dt.timedelta(days=days_ago)).date()
        DailyGCode.objects.create(user=person, date=date, score=50, level="high", facts={}, program="", pinned=pinned)
    for days_ago, pinned in ((11, False), (11, True), (9, False)):
        date = (now - dt.timedelta(days=days_ago)).date()
        platform = "blog" if pinned else "x"
        PatchNote.objects.create(user=ada, date=date, platform=platform, version="v", body="b", pinned=pinned)
    JobRun.objects.create(job="cleanup", slot="old", status="succeeded", finished_at=now - dt.timedelta(days=6))
    JobRun.objects.create(job="cleanup", slot="new", status="succeeded", finished_at=now - dt.timedelta(days=4))
    Session.objects.create(session_key="gone", session_data="", expire_date=now - dt.timedelta(seconds=1))
    Session.objects.create(session_key="kept", session_data="", expire_date=now + dt.timedelta(days=1))

    removed = cleanup(now)

    assert removed == {"daily_gcodes": 2, "patch_notes": 1, "job_runs": 1, "sessions": 1}
    kept_days = sorted((now.date() - d).days for d in DailyGCode.objects.values_list("date", flat=True))
    assert kept_days == [0, 29, 40]  # the pinned one stays at 40 days
    assert PatchNote.objects.count() == 2
    assert list(JobRun.objects.values_list("slot", flat=True)) == ["new"]
    assert list(Session.objects.values_list("session_key", flat=True)) == ["kept"]
