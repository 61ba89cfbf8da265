"""Every time the site shows is in the person's own zone and names it; the zone is chosen from a list."""

import datetime as dt
import json
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import DailyGCode, JobRun, User
from core.services.gcode import compute_daily_gcode, local_today
from core.services.zone import next_personal_runs
from tests.support.people import londoner

pytestmark = pytest.mark.django_db
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


@pytest.fixture
def tokyoite(db) -> User:
    """Born in London, living in Tokyo."""
    return londoner("kenji", schedule_timezone="Asia/Tokyo")


def test_the_dashboard_shows_the_local_date_and_times_in_the_persons_zone(client, tokyoite):
    client.force_login(tokyoite)
    compute_daily_gcode(tokyoite, local_today(tokyoite))
    html = client.get(reverse("home")).content.decode()

    record = DailyGCode.objects.get(user=tokyoite)
    assert record.date == timezone.now().astimezone(TOKYO).date()
    assert f"{record.written_at.astimezone(TOKYO):%H:%M:%S}" in html
    assert "Exact (Asia/Tokyo)" in html
    assert "<span data-zone-name>Asia/Tokyo</span>" in html
    assert 'data-zone-banner data-zone="Asia/Tokyo"' in html


def test_settings_say_when_the_persons_jobs_run_in_their_zone(client, tokyoite):
    client.force_login(tokyoite)
    html = client.get(reverse("settings")).content.decode()

    assert "You live by <strong>Asia/Tokyo</strong>" in html
    assert "Daily G-Code: " in html
    assert " 04:00</time>" in html  # 04:00 local, not 04:00 UTC
    assert " 05:00</time>" in html


def test_the_zone_is_chosen_from_a_list_with_local_times_never_free_text(client, tokyoite):
    client.force_login(tokyoite)
    html = client.get(reverse("birth-data")).content.decode()
    local = timezone.now().astimezone(zoneinfo.ZoneInfo("America/Sao_Paulo"))
    assert f'<option value="America/Sao_Paulo">America/Sao Paulo {local:%H:%M} UTC-3</option>' in html

    response = client.post(reverse("birth-data"), {"schedule_timezone": "Sao Paulo", "house_system": "P",
                                                   "tone": "inspiring"})  # fmt: skip
    assert "Select a valid choice" in response.content.decode()
    assert User.objects.get(pk=tokyoite.pk).schedule_timezone == "Asia/Tokyo"


def test_one_click_moves_the_person_to_the_browsers_zone(client, tokyoite):
    client.force_login(tokyoite)
    response = client.post(reverse("schedule-zone"), {"schedule_timezone": "America/Chicago"}, follow=True)

    assert User.objects.get(pk=tokyoite.pk).schedule_timezone == "America/Chicago"
    assert "Your day now follows America/Chicago" in response.content.decode()


def test_an_unknown_zone_is_refused_and_nothing_changes(client, tokyoite):
    client.force_login(tokyoite)
    client.post(reverse("schedule-zone"), {"schedule_timezone": "Mars/Olympus_Mons"})
    assert User.objects.get(pk=tokyoite.pk).schedule_timezone == "Asia/Tokyo"


def test_anonymous_visitors_cannot_switch_zones(client):
    response = client.post(reverse("schedule-zone"), {"schedule_timezone": "America/Chicago"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_export_gives_instants_in_the_persons_zone(client, tokyoite):
    client.force_login(tokyoite)
    data = json.loads(client.get(reverse("export")).content)

    assert data["timezone"] == "Asia/Tokyo"
    assert data["exported_at"].endswith("+09:00")
    assert data["profile"]["date_joined"].endswith("+09:00")


def test_the_staff_page_shows_times_in_the_staff_members_zone(client, tokyoite):
    User.objects.filter(pk=tokyoite.pk).update(is_staff=True)
    started = dt.datetime(2026, 11, 24, 19, 0, tzinfo=dt.UTC)
    JobRun.objects.create(job="cleanup", slot="2026-W48", started_at=started, finished_at=started)
    client.force_login(tokyoite)
    html = client.get(reverse("staff-jobs")).content.decode()

    assert "2026-11-25 04:00:00" in html  # 19:00 UTC is 04:00 the next day in Tokyo
    assert "Started (Asia/Tokyo)" in html
    assert "Next run (Asia/Tokyo)" in html


def test_patch_notes_name_the_zone_of_their_times(client, tokyoite):
    client.force_login(tokyoite)
    html = client.get(reverse("patch-notes")).content.decode()
    assert "Times in the notes are local to Asia/Tokyo." in html
    assert "Times are local to Asia/Tokyo." in html  # in the blog text too


def test_the_persons_daily_gcode_falls_at_four_local_across_a_clock_change(db):
    chicagoan = londoner("jo", schedule_timezone="America/Chicago")
    before_spring_forward = dt.datetime(2026, 3, 7, 12, 0, tzinfo=dt.UTC)  # clocks go forward on 8 March at 02:00

    runs = next_personal_runs(chicagoan, before_spring_forward)
    daily = next(r for r in runs if r.title == "Daily G-Code")
    after = next_personal_runs(chicagoan, daily.due_at)

    assert (daily.due_at.date(), daily.due_at.hour) == (dt.date(2026, 3, 8), 4)
    assert daily.due_at.astimezone(dt.UTC).hour == 9  # 04:00 CDT; it was 10:00 UTC the day before (CST)
    assert (after[0].due_at.date(), after[0].due_at.hour) == (dt.date(2026, 3, 9), 4)
