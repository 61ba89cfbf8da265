"""Recovery after a SIGKILL in the middle of the daily run for 2,000 people: a restart hours later,
past the grace window but on the same local day, finishes the people the run missed, once each,
and the run's history keeps the interrupted attempt beside the completing one."""

import datetime as dt
import signal
import subprocess
import sys
import zoneinfo

import pytest

from tests.support.processes import database, wait_for
from tests.support.server import ROOT, manage, server_environment

pytestmark = pytest.mark.server

PEOPLE = 2000
ZONE = "Europe/London"
DAY = dt.date(2026, 11, 24)
DUE = dt.datetime(2026, 11, 24, 4, 0, tzinfo=zoneinfo.ZoneInfo(ZONE))
SLOT = f"{DAY.isoformat()}/{ZONE}"

CREATE_PEOPLE = f"""
import datetime as dt
from django.contrib.auth.hashers import make_password
from core.models import User
from tests.support.processes import CREATE_PEOPLE
password = make_password("orbit-Lantern-42")  # one hash: 2,000 of them would take minutes
User.objects.bulk_create([
    User(username=f"p{{n}}", password=password, birth_date=dt.date(1950, 1, 1) + dt.timedelta(days=17 * n),
         birth_time=dt.time(n % 24, n % 60), birth_place="London", birth_latitude=51.50853,
         birth_longitude=-0.12574, birth_timezone="Europe/London", schedule_timezone={ZONE!r},
         date_joined=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    for n in range({PEOPLE})
])
"""


def sweep_at(now: dt.datetime) -> str:
    """A process's start (stale runs marked interrupted) and one sweep, with the clock at `now`."""
    return (
        "import datetime as dt\n"
        "from core.runs import interrupt_stale_runs\n"
        "from core.scheduler.sweep import sweep\n"
        "interrupt_stale_runs()\n"
        f"sweep(now=dt.datetime.fromisoformat({now.isoformat()!r}))\n"
    )


@pytest.mark.slow  # a sweep for 2,000 people, killed, then one for the rest
def test_a_killed_run_for_2000_people_is_finished_by_a_sweep_eight_hours_later(tmp_path):
    env = server_environment(tmp_path, LOG_LEVEL="WARNING")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", CREATE_PEOPLE)
    first = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", sweep_at(DUE + dt.timedelta(minutes=1))],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def some_done():
        with database(tmp_path) as db:
            row = db.execute("SELECT users_done FROM core_jobrun WHERE job = 'daily_gcode' AND slot = ?", (SLOT,))
            done = row.fetchone()
        return done is not None and done[0] >= 400

    wait_for(some_done, seconds=120, step=0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    with database(tmp_path) as db:
        (killed_at,) = db.execute("SELECT COUNT(*) FROM core_dailygcode WHERE date = ?", (DAY.isoformat(),)).fetchone()
    assert 0 < killed_at < PEOPLE  # the kill fell in the middle of the run

    manage(env, "shell", "-c", sweep_at(DUE + dt.timedelta(hours=8)))

    with database(tmp_path) as db:
        per_person = db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM core_dailygcode WHERE date = ?", (DAY.isoformat(),)
        ).fetchone()
        run_id, status, trigger, users_done = db.execute(
            "SELECT id, status, trigger, users_done FROM core_jobrun WHERE job = 'daily_gcode' AND slot = ?", (SLOT,)
        ).fetchone()
        attempts = db.execute(
            "SELECT status, trigger, users_done FROM core_runattempt WHERE run_id = ? ORDER BY id", (run_id,)
        ).fetchall()
    assert per_person == (PEOPLE, PEOPLE)
    assert (status, trigger, users_done) == ("succeeded", "catch-up", PEOPLE)
    assert len(attempts) == 1
    assert attempts[0][:2] == ("interrupted", "schedule")
    assert attempts[0][2] >= 400
