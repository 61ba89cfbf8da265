"""Recalculation holds against a flood: one live run per person and date, a per-person pace, birth-data
saves folded into the running run, one Gemini call, and an account deleted mid-run ends it quietly."""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from core.models import DailyGCode, JobRun, RunAttempt, RunStatus, User
from core.services.account import delete_account
from core.services.gcode import local_today
from core.services.recalculate import JOB, recalculate_after_change, start_recalculation
from tests.support.fake_gemini import FakeGemini

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def thread_errors(monkeypatch):
    """Exceptions that escaped a background thread during the test."""
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    return errors


def wait_for_runs_to_end(seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while JobRun.objects.running().exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not JobRun.objects.running().exists()


def post_recalculate(session_cookie: str) -> int:
    client = Client()
    client.cookies["sessionid"] = session_cookie
    try:
        return client.post(reverse("recalculate"), HTTP_ACCEPT="application/json").status_code
    finally:
        connections.close_all()


def daily_text_requests(gemini: FakeGemini) -> list[dict]:
    """Requests for a day's words (the natal reading, written once per chart, is asked apart)."""
    return [r for r in gemini.requests if "affirmation" in json.dumps(r)]


def test_fifty_concurrent_requests_start_one_run_and_one_gemini_call(owner, gemini):
    client = Client()
    client.force_login(owner)
    cookie = client.cookies["sessionid"].value

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(post_recalculate, [cookie] * 50))
    wait_for_runs_to_end()

    assert set(statuses) <= {202, 429}
    assert JobRun.objects.filter(job=JOB).count() == 1
    assert JobRun.objects.get(job=JOB).status == RunStatus.SUCCEEDED
    assert len(daily_text_requests(gemini)) == 1
    assert DailyGCode.objects.get(user=owner, date=local_today(owner)).engine == "gemini"


def test_a_second_request_during_a_run_gets_the_running_one(owner):
    client = Client()
    client.force_login(owner)
    with transaction.atomic():  # the first run's thread starts at commit: it is surely still running
        running, _ = start_recalculation(owner)
        response = client.post(reverse("recalculate"), HTTP_ACCEPT="application/json")
    wait_for_runs_to_end()

    assert response.status_code == 202
    assert response.json()["run"] == running.pk


def test_a_new_run_waits_for_the_pace_after_the_last(owner_client, owner):
    first = owner_client.post(reverse("recalculate"), HTTP_ACCEPT="application/json")
    wait_for_runs_to_end()
    again = owner_client.post(reverse("recalculate"), HTTP_ACCEPT="application/json")

    assert first.status_code == 202
    assert again.status_code == 429
    assert "a moment ago" in again.json()["error"]
    cache.clear()  # the pause is over
    assert owner_client.post(reverse("recalculate"), HTTP_ACCEPT="application/json").status_code == 202
    wait_for_runs_to_end()
    run = JobRun.objects.get(job=JOB)
    assert RunAttempt.objects.filter(run=run, status=RunStatus.SUCCEEDED).count() == 1  # the first, kept


def test_a_birth_data_save_during_a_run_is_folded_into_it(owner, gemini):
    with transaction.atomic():
        run, thread = start_recalculation(owner)
        owner.birth_place, owner.birth_latitude, owner.birth_longitude = "Paris", 48.85341, 2.3488
        owner.save()
        folded = recalculate_after_change(owner)
    thread.join(20)

    assert folded.pk == run.pk
    assert JobRun.objects.filter(job=JOB).count() == 1
    run.refresh_from_db()
    assert (run.status, run.result) == (RunStatus.SUCCEEDED, {})
    assert len(daily_text_requests(gemini)) == 1  # the second round, which the person did not ask for, wrote locally
    assert DailyGCode.objects.get(user=owner, date=local_today(owner)).engine == "local"


def test_deleting_the_account_during_its_run_ends_the_run_quietly(owner, thread_errors, caplog):
    run, thread = start_recalculation(owner)
    deadline = time.monotonic() + 10
    while JobRun.objects.filter(pk=run.pk, progress__percent__gte=35).count() == 0:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    delete_account(owner)
    thread.join(20)

    assert thread_errors == []
    assert not thread.is_alive()
    assert not JobRun.objects.filter(pk=run.pk).exists()
    assert not DailyGCode.objects.filter(user_id=owner.pk).exists()
    assert [r for r in caplog.records if r.levelname == "ERROR"] == []


@pytest.mark.skipif(connections["default"].vendor != "postgresql", reason="SQLite takes one writer at a time")
def test_a_row_written_for_the_person_while_their_account_is_deleted_does_not_stop_the_deletion(owner):
    """A run's G-Code that commits after the deletion cleared the person's days, just before their own row goes."""
    writer_errors: list[BaseException] = []

    def write_a_day() -> None:
        try:
            with transaction.atomic():
                DailyGCode.objects.create(user_id=owner.pk, date=local_today(owner), score=50, level="high", facts={})
        except BaseException as exc:  # the person is gone by the time this commits
            writer_errors.append(exc)
        finally:
            connections.close_all()

    writer = threading.Thread(target=write_a_day)

    def write_before_the_person_goes(execute, sql, params, many, context):
        if sql.startswith('DELETE FROM "core_user"') and not writer.is_alive():
            writer.start()
            writer.join(1)  # it commits at once unless the person's row is held
        return execute(sql, params, many, context)

    with connection.execute_wrapper(write_before_the_person_goes):
        delete_account(owner)
    writer.join(10)

    assert not User.objects.filter(pk=owner.pk).exists()
    assert not DailyGCode.objects.filter(user_id=owner.pk).exists()
    assert [type(e).__name__ for e in writer_errors] == ["IntegrityError"]
