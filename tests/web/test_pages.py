"""Every page through the client: anonymous → login, someone else's data → 404, owner → 200 with content."""

import datetime as dt
import json

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.models import DailyGCode, DayNote, JobRun, NatalChart, PatchNote, User
from core.services.gcode import compute_daily_gcode, generate_patch_notes, local_today
from tests.support.pages import PAGES, wait_until_no_run_is_running
from tests.support.people import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["home", "forecast", "history", "patch-notes", "solar-system", "chart"])
def test_someone_without_birth_data_is_led_to_the_form(client, stranger, name):
    client.force_login(stranger)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("birth-data")


def test_the_dashboard_shows_todays_gcode_with_everything_around_it(owner_client, owner):
    record = compute_daily_gcode(owner, local_today(owner))
    response = owner_client.get(reverse("home"))
    html = response.content.decode()

    assert response.status_code == 200
    assert f'aria-label="G-Code {record.score} of 100, {record.level}"' in html  # the gauge
    for theme in record.themes:
        assert theme in html
    assert record.program.splitlines()[0].split(" ; ")[0] in html
    assert "Copy program" in html
    assert "Recalculate" in html
    assert record.affirmation.replace("'", "&#x27;") in html
    assert "The day's events" in html
    assert "Why this score" in html
    assert '<input type="hidden" name="next" value="/">' in html  # the day note comes back here


def test_the_forecast_lists_seven_or_thirty_days(owner_client, owner):
    week = owner_client.get(reverse("forecast")).content.decode()
    month = owner_client.get(reverse("forecast") + "?days=30").content.decode()
    odd = owner_client.get(reverse("forecast") + "?days=9999").content.decode()

    assert week.count("<meter") == 7
    assert month.count("<meter") == 30
    assert odd.count("<meter") == 7  # anything else is the default, not an error
    tomorrow = local_today(owner) + dt.timedelta(days=1)
    assert tomorrow.strftime("%Y-%m-%d") in week


def test_history_shows_scores_notes_and_compares_two_ranges(owner_client, owner):
    for day in range(1, 11):
        compute_daily_gcode(owner, dt.date(2026, 11, day))
    DayNote.objects.create(user=owner, date=dt.date(2026, 11, 3), text="Shipped the release")
    query = "?start=2026-11-01&end=2026-11-05&compare_start=2026-11-06&compare_end=2026-11-10"

    response = owner_client.get(reverse("history") + query)
    html = response.content.decode()

    assert response.status_code == 200
    series = response.context["series"]
    assert series["labels"] == [f"2026-11-0{d}" for d in range(1, 6)]
    assert series["notes"] == [{"date": "2026-11-03", "text": "Shipped the release"}]
    assert '<script id="history-series" type="application/json">{"labels": ["2026-11-01"' in html
    assert "2026-11-01 – 2026-11-05" in html
    assert "2026-11-06 – 2026-11-10" in html
    assert response.context["comparison"].days == 5
    assert "vendor/chart-4.6.1.umd.min.js" in html
    assert f'name="next" value="{reverse("history")}{query.replace("&", "&amp;")}"' in html


def test_a_reversed_range_is_a_form_error_not_a_failure(owner_client):
    response = owner_client.get(reverse("history") + "?start=2026-11-10&end=2026-11-01")
    assert response.status_code == 200
    assert "The end must not come before the start." in response.content.decode()


def test_day_notes_are_saved_replaced_removed_and_checked(owner_client, owner):
    url = reverse("day-note")
    owner_client.post(url, {"date": "2026-11-24", "text": "First"})
    owner_client.post(url, {"date": "2026-11-24", "text": "Second"})
    assert DayNote.objects.get(user=owner, date=dt.date(2026, 11, 24)).text == "Second"

    too_long = owner_client.post(url, {"date": "2026-11-24", "text": "x" * 501}, follow=True)
    assert "Ensure this value has at most 500 characters" in too_long.content.decode()
    bad_date = owner_client.post(url, {"date": "1100-01-01", "text": "old"}, HTTP_ACCEPT="application/json")
    assert bad_date.status_code == 400
    offsite = owner_client.post(url, {"date": "2026-11-24", "text": "Third", "next": "https://evil.example/"})
    assert offsite["Location"] == reverse("home")

    owner_client.post(url, {"date": "2026-11-24", "text": "  ", "confirm_delete": "True"})
    assert not DayNote.objects.filter(user=owner).exists()


def test_patch_notes_show_every_platform_and_download_as_markdown(owner_client, owner):
    html = owner_client.get(reverse("patch-notes")).content.decode()
    today = local_today(owner)

    for platform in ("X", "Instagram", "LinkedIn", "Blog (Markdown)"):
        assert f"Copy {platform} text" in html
    download = owner_client.get(reverse("patch-note-markdown", args=[today.isoformat()]))
    assert download["Content-Type"].startswith("text/markdown")
    assert download.content.decode().startswith("# Spiritual Patch Notes v")
    assert owner_client.get(reverse("patch-note-markdown", args=["2001-01-01"])).status_code == 404
    assert owner_client.get(reverse("patch-note-markdown", args=["not-a-date"])).status_code == 404


def test_someone_elses_patch_notes_and_runs_are_not_found(client, owner, stranger):
    generate_patch_notes(owner, dt.date(2026, 11, 24))
    run = JobRun.objects.create(job="recalculate", slot="x", user=owner, status="succeeded")
    stranger.birth_date, stranger.birth_latitude, stranger.birth_longitude = owner.birth_date, 1.0, 1.0
    stranger.birth_timezone = "UTC"
    stranger.save()
    client.force_login(stranger)

    assert client.get(reverse("patch-note-markdown", args=["2026-11-24"])).status_code == 404
    assert client.get(reverse("run-status", args=[run.pk])).status_code == 404
    assert client.get(reverse("run-status", args=[run.pk + 1000])).status_code == 404


def test_the_owner_reads_their_runs_progress(owner_client, owner):
    run = JobRun.objects.create(job="recalculate", slot="x", user=owner, status="running",
                                progress={"state": "running", "percent": 35, "message": "Reading"})  # fmt: skip
    data = owner_client.get(reverse("run-status", args=[run.pk])).json()
    assert (data["status"], data["percent"], data["message"]) == ("running", 35, "Reading")


def test_the_solar_system_shows_the_planets_around_the_sun_and_todays_transits(owner_client):
    html = owner_client.get(reverse("solar-system")).content.decode()
    assert "<svg" in html
    for planet in ("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"):
        assert f"{planet} at " in html  # in the accessible description
    assert "Today's transits to your chart" in html


def test_the_export_holds_all_of_mine_and_nothing_of_anyone_else(owner_client, owner, stranger):
    compute_daily_gcode(owner, dt.date(2026, 11, 24))
    DayNote.objects.create(user=owner, date=dt.date(2026, 11, 24), text="mine")
    DayNote.objects.create(user=stranger, date=dt.date(2026, 11, 24), text="theirs")

    response = owner_client.get(reverse("export"))
    data = json.loads(response.content)

    assert response["Content-Disposition"] == 'attachment; filename="spiritual-g-code-ada.json"'
    assert data["profile"]["username"] == "ada"
    assert data["profile"]["birth_timezone"] == "Europe/London"
    assert "password" not in json.dumps(data["profile"])
    assert [d["date"] for d in data["daily_gcodes"]] == ["2026-11-24"]
    assert data["day_notes"] == [{"date": "2026-11-24", "text": "mine"}]
    assert data["natal_chart"]["timezone"] == "Europe/London"


def test_deleting_the_account_needs_the_password_and_leaves_nothing(owner_client, owner, stranger):
    compute_daily_gcode(owner, dt.date(2026, 11, 24))
    generate_patch_notes(owner, dt.date(2026, 11, 24))
    DayNote.objects.create(user=owner, date=dt.date(2026, 11, 24), text="mine")
    JobRun.objects.create(job="recalculate", slot="x", user=owner, status="succeeded")
    other_browser = Client()
    other_browser.force_login(owner)
    DayNote.objects.create(user=stranger, date=dt.date(2026, 11, 24), text="theirs")

    wrong = owner_client.post(reverse("delete-account"), {"password": "not it"})
    assert wrong.status_code == 400
    assert "That is not your password." in wrong.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()

    right = owner_client.post(reverse("delete-account"), {"password": PASSWORD})

    assert right["Location"] == reverse("login")
    assert not User.objects.filter(username="ada").exists()
    for model in (NatalChart, DailyGCode, PatchNote, DayNote, JobRun):
        assert not model.objects.filter(user_id=owner.pk).exists(), model.__name__
    assert not any(s.get_decoded().get("_auth_user_id") == str(owner.pk) for s in Session.objects.all())
    assert other_browser.get(reverse("home")).status_code == 302  # signed out everywhere
    assert DayNote.objects.filter(user=stranger).count() == 1


def test_staff_pages_are_not_there_for_others(owner_client):
    assert owner_client.get(reverse("staff-jobs")).status_code == 404
    assert owner_client.post(reverse("staff-run-job", args=["cleanup"])).status_code == 404


def test_staff_see_the_jobs_and_can_run_one_now(client, owner):
    User.objects.filter(pk=owner.pk).update(is_staff=True)
    client.force_login(owner)
    JobRun.objects.create(job="daily_gcode", slot="2026-11-24/UTC", status="partial", users_done=3,
                          users_failed=1, error_text="bo: LocalTimeError")  # fmt: skip

    page = client.get(reverse("staff-jobs")).content.decode()
    assert "Daily G-Code" in page
    assert "Weekly cleanup" in page
    assert "bo: LocalTimeError" in page
    assert client.post(reverse("staff-run-job", args=["nonsense"])).status_code == 404
    response = client.post(reverse("staff-run-job", args=["cleanup"]), follow=True)
    assert "Weekly cleanup started." in response.content.decode()


def test_the_browser_zone_sent_at_sign_up_becomes_the_schedule_zone(client):
    data = {"username": "hana", "email": "", "password1": PASSWORD, "password2": PASSWORD, "birth_date": "",
            "birth_time": "", "birth_time_fold": "", "birth_place": "", "birth_latitude": "", "birth_longitude": "",
            "birth_timezone": "", "schedule_timezone": "Asia/Tokyo"}  # fmt: skip
    client.post(reverse("register"), data)
    assert User.objects.get(username="hana").schedule_timezone == "Asia/Tokyo"


@pytest.mark.django_db(transaction=True)
def test_recalculate_answers_with_a_run_that_finishes_in_the_background(owner):
    client = Client()
    client.force_login(owner)
    response = client.post(reverse("recalculate"), HTTP_ACCEPT="application/json")

    assert response.status_code == 202
    run_id = response.json()["run"]
    wait_until_no_run_is_running()
    run = JobRun.objects.get(pk=run_id)
    assert (run.status, run.user_id, run.progress["state"], run.progress["percent"]) == (
        "succeeded",
        owner.pk,
        "done",
        100,
    )
    assert DailyGCode.objects.filter(user=owner, date=local_today(owner)).exists()
    assert PatchNote.objects.filter(user=owner, date=local_today(owner)).count() == 4
    cache.clear()  # past the pause between two recalculations
    without_script = client.post(reverse("recalculate"))
    assert without_script.status_code == 302  # back to the dashboard, which watches the run
    assert without_script["Location"].startswith(reverse("home") + "?run=")
    assert client.get(reverse("recalculate")).status_code == 405
    wait_until_no_run_is_running()
