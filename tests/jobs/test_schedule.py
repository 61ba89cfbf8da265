"""When work happens: per-person local 04:00 and 05:00 across zones and DST days, Sunday cleanup,
catch-up within the grace window and misses beyond it — all with an explicit clock."""

import datetime as dt
import zoneinfo

import pytest

from core.models import DailyGCode, JobRun, PatchNote
from core.schedule import CLEANUP, latest_due
from core.scheduler.sweep import sweep

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def clock(start: dt.datetime, end: dt.datetime, minutes: int = 15):
    t = start
    while t <= end:
        yield t
        t += dt.timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("zone", "first_day"),
    [
        ("Asia/Tokyo", dt.date(2026, 11, 23)),
        ("America/Los_Angeles", dt.date(2026, 11, 23)),
        ("Asia/Kathmandu", dt.date(2026, 11, 23)),  # +05:45
        ("Pacific/Chatham", dt.date(2026, 11, 23)),  # +13:45 in its summer
        ("America/New_York", dt.date(2026, 3, 7)),  # 8 March 2026: 23-hour day
        ("America/New_York", dt.date(2026, 10, 31)),  # 1 November 2026: 25-hour day
    ],
)
def test_one_gcode_per_local_date_never_before_local_four(person_in, zone, first_day):
    person = person_in("ada", zone)
    tz = zoneinfo.ZoneInfo(zone)
    start = dt.datetime.combine(first_day, dt.time(0), tzinfo=tz).astimezone(UTC)
    end = start + dt.timedelta(days=3, hours=1)

    for now in clock(start, end):
        sweep(now)
        for record in DailyGCode.objects.filter(user=person):
            written_local = record.written_at.astimezone(tz)
            assert written_local.date() == record.date
            assert written_local.time() >= dt.time(4, 0)

    dates = list(DailyGCode.objects.filter(user=person).order_by("date").values_list("date", flat=True))
    assert dates == [first_day + dt.timedelta(days=n) for n in range(3)]
    assert PatchNote.objects.filter(user=person).count() == 3 * 4
    for run in JobRun.objects.filter(job="daily_gcode"):
        assert run.due_at.astimezone(tz).time() == dt.time(4, 0)


@pytest.fixture
def frozen_now(monkeypatch):
    """Pin django.utils.timezone.now to the sweep's clock, so written_at reads the simulated time."""
    from django.utils import timezone

    current = {"now": None}
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: current["now"] or real_now())
    return current


@pytest.fixture(autouse=True)
def _clock_follows_sweeps(frozen_now, monkeypatch):
    import core.scheduler.sweep as sweep_module

    real_sweep = sweep_module.sweep

    def sweep_at(now=None, stop=None):
        frozen_now["now"] = now
        return real_sweep(now, stop)

    monkeypatch.setattr("tests.jobs.test_schedule.sweep", sweep_at)


def test_cleanup_fires_on_sunday_at_three_server_time(settings):
    settings.TIME_ZONE = "UTC"
    JobRun.objects.create(job="cleanup", slot="2026-11-22/UTC", status="succeeded")  # last Sunday's
    saturday = dt.datetime(2026, 11, 28, 23, 0, tzinfo=UTC)

    sweep(saturday)
    sweep(dt.datetime(2026, 11, 29, 2, 55, tzinfo=UTC))
    assert not JobRun.objects.filter(job="cleanup").exclude(slot="2026-11-22/UTC").exists()

    sweep(dt.datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
    sweep(dt.datetime(2026, 11, 29, 3, 5, tzinfo=UTC))
    run = JobRun.objects.get(job="cleanup", slot="2026-11-29/UTC")
    assert run.status == "succeeded"
    assert dt.date(2026, 11, 29).strftime("%a") == "Sun"
    assert latest_due(CLEANUP, "UTC", dt.datetime(2026, 12, 2, tzinfo=UTC)).date == dt.date(2026, 11, 29)


def test_after_downtime_the_missed_day_is_caught_up_once_within_the_grace_window(person_in, settings):
    settings.SCHEDULER_GRACE_HOURS = 6
    person = person_in("ada", "Asia/Tokyo")
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    # The server was down from 20 to 23 November, 03:00 Tokyo, and comes back at 07:00 Tokyo.
    back = dt.datetime(2026, 11, 23, 7, 0, tzinfo=tokyo).astimezone(UTC)

    sweep(back)
    sweep(back + dt.timedelta(minutes=5))
    sweep(back + dt.timedelta(minutes=10))

    assert list(DailyGCode.objects.filter(user=person).values_list("date", flat=True)) == [dt.date(2026, 11, 23)]
    run = JobRun.objects.get(job="daily_gcode")
    assert (run.slot, run.trigger, run.status, run.users_done) == ("2026-11-23/Asia/Tokyo", "catch-up", "succeeded", 1)


def test_beyond_the_grace_window_the_slot_is_recorded_as_missed(person_in, settings):
    settings.SCHEDULER_GRACE_HOURS = 6
    person = person_in("ada", "Asia/Tokyo")
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    sweep(dt.datetime(2026, 11, 22, 4, 5, tzinfo=tokyo).astimezone(UTC))  # a normal day first

    sweep(dt.datetime(2026, 11, 23, 10, 30, tzinfo=tokyo).astimezone(UTC))  # back 6.5 hours after 04:00
    sweep(dt.datetime(2026, 11, 23, 10, 35, tzinfo=tokyo).astimezone(UTC))

    assert not DailyGCode.objects.filter(user=person, date=dt.date(2026, 11, 23)).exists()
    missed = JobRun.objects.get(job="daily_gcode", slot="2026-11-23/Asia/Tokyo")
    assert missed.status == "missed"
    assert "grace window" in missed.error_text


def test_a_person_who_joins_later_in_the_day_is_not_counted_as_missed(person_in, settings):
    settings.SCHEDULER_GRACE_HOURS = 6
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    person_in("ada", "Asia/Tokyo")
    sweep(dt.datetime(2026, 11, 23, 4, 5, tzinfo=tokyo).astimezone(UTC))
    person_in("bo", "Asia/Tokyo", joined=dt.datetime(2026, 11, 23, 12, 0, tzinfo=tokyo))

    sweep(dt.datetime(2026, 11, 23, 12, 5, tzinfo=tokyo).astimezone(UTC))

    assert JobRun.objects.get(job="daily_gcode", slot="2026-11-23/Asia/Tokyo").status == "succeeded"


def test_people_who_turned_the_daily_gcode_off_are_skipped(person_in):
    person_in("ada", "UTC", daily_gcode_enabled=False)
    sweep(dt.datetime(2026, 11, 23, 4, 5, tzinfo=UTC))
    assert not DailyGCode.objects.exists()
