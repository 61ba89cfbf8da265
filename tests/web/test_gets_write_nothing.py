"""A GET writes nothing and calls no one: every signed-in page, before and after today's run, with Gemini
configured; a dashboard without today's reading shows the run that writes it, or asks its script to start one."""

import datetime as dt
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import runs
from core.models import DailyGCode, JobRun, RunStatus
from core.services.charts import recompute_natal_chart
from core.services.gcode import compute_daily_gcode, local_today
from core.services.recalculate import JOB, recalculation_slot
from tests.support.pages import wait_until_no_run_is_running
from tests.support.people import save_person

pytestmark = pytest.mark.django_db
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


@pytest.fixture
def signed_up(owner):
    """The owner as sign-up leaves them: the chart stored, and someone saved on the people page."""
    recompute_natal_chart(owner)
    save_person(owner)
    return owner


def signed_in_pages(user) -> list[str]:
    today = local_today(user)
    person = user.people.get()
    day = [reverse("day", args=[(today + dt.timedelta(days=n)).isoformat()]) for n in (-3, 0, 3)]
    return [
        reverse("home"), reverse("chart"), reverse("chart-svg"), reverse("forecast"), reverse("forecast") + "?days=30",
        reverse("history"), *day, reverse("patch-notes"), reverse("patch-note-markdown", args=[today.isoformat()]),
        reverse("solar-system"), reverse("settings"), reverse("birth-data"), reverse("export"),
        reverse("delete-account"), reverse("people"), reverse("person-add"), reverse("person-day", args=[person.pk]),
        reverse("relationship") + f"?first=me&second={person.pk}", reverse("year"), reverse("gcode-doc"),
        reverse("healthz"),
    ]  # fmt: skip


def rows_of_every_model() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in apps.get_models()}


def writes_of_a_get(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, follow=True)  # today's day page, before its run, leads to the dashboard
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in queries if WRITES.match(q["sql"])]


def test_no_page_writes_or_calls_gemini_before_todays_reading_is_stored(owner_client, signed_up, gemini):
    before = rows_of_every_model()
    for url in signed_in_pages(signed_up):
        assert writes_of_a_get(owner_client, url) == [], url
    assert rows_of_every_model() == before
    assert gemini.requests == []


def test_no_page_writes_or_calls_gemini_once_todays_reading_is_stored(owner_client, signed_up, gemini):
    compute_daily_gcode(signed_up, local_today(signed_up))
    gemini.requests.clear()
    before = rows_of_every_model()
    for url in signed_in_pages(signed_up):
        assert writes_of_a_get(owner_client, url) == [], url
    assert rows_of_every_model() == before
    assert gemini.requests == []


def test_a_dashboard_without_todays_reading_asks_its_script_to_start_the_run(owner_client, signed_up):
    html = owner_client.get(reverse("home")).content.decode()

    assert "Your G-Code for today is being calculated" in html
    assert "data-start-run" in html  # live.js posts the recalculate form: the run starts in a POST
    assert 'data-live-date="' + local_today(signed_up).isoformat() + '"' in html  # gcode.new swaps the reading in
    assert "Recalculate" in html  # and without script, the person starts it with the button
    assert not JobRun.objects.exists()
    assert not DailyGCode.objects.exists()


def test_a_dashboard_without_todays_reading_shows_the_run_already_writing_it(owner_client, signed_up):
    run = runs.claim(JOB, recalculation_slot(signed_up, local_today(signed_up)), "manual", dt.datetime.now(dt.UTC),
                     user=signed_up)  # fmt: skip

    html = owner_client.get(reverse("home")).content.decode()

    assert f'data-run="{run.pk}"' in html  # live.js watches this run's progress
    assert "data-start-run" not in html
    assert JobRun.objects.get().status == RunStatus.RUNNING


@pytest.mark.django_db(transaction=True)
def test_the_run_the_dashboard_starts_stores_today_and_the_next_visit_shows_it(owner_client, signed_up):
    response = owner_client.post(reverse("recalculate"), HTTP_ACCEPT="application/json")  # what live.js sends
    assert response.status_code == 202
    wait_until_no_run_is_running()

    html = owner_client.get(reverse("home")).content.decode()
    record = DailyGCode.objects.get(user=signed_up, date=local_today(signed_up))
    assert f'aria-label="G-Code {record.score} of 100, {record.level}"' in html
    assert "being calculated" not in html


def test_todays_patch_notes_before_the_run_are_written_for_the_page_and_not_kept(owner_client, signed_up):
    html = owner_client.get(reverse("patch-notes")).content.decode()
    download = owner_client.get(reverse("patch-note-markdown", args=[local_today(signed_up).isoformat()]))

    assert "Copy Blog (Markdown) text" in html
    assert f'id="note-{local_today(signed_up):%Y%m%d}-blog"' in html  # one id per note, stored or not
    assert download.content.decode().startswith("# Spiritual Patch Notes v")
    assert not apps.get_model("core", "PatchNote").objects.exists()
