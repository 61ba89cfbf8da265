"""The scheduler in real processes: start guards, one scheduler per installation, shutdown, inspection."""

import signal
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from core.scheduler.live import should_autostart
from tests.support.fake_gemini import BEHAVIOURS, FakeGemini
from tests.support.processes import (
    CREATE_PEOPLE,
    database,
    scheduler_log,
    utc_offset_where_it_is_six_in_the_morning,
    wait_for,
)
from tests.support.server import ROOT, manage, server_environment, start_daphne

pytestmark = pytest.mark.server


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["/srv/.venv/bin/daphne", "gcode_site.asgi:application"], {}, True),
        (["/usr/lib/python3/site-packages/daphne/__main__.py", "-p", "8000"], {}, True),
        (["manage.py", "runserver"], {"RUN_MAIN": "true"}, True),  # the autoreloader's serving child
        (["manage.py", "runserver"], {}, False),  # the autoreloader's watcher
        (["manage.py", "runserver", "--noreload"], {}, True),
        (["manage.py", "migrate"], {}, False),
        (["manage.py", "shell"], {}, False),
        (["manage.py", "check"], {}, False),
        (["manage.py", "collectstatic"], {}, False),
        (["manage.py", "test"], {}, False),
        (["/srv/.venv/bin/pytest"], {}, False),
    ],
)
def test_the_scheduler_starts_only_in_a_serving_process(argv, environ, expected):
    assert should_autostart(argv, environ, enabled=True) is expected
    assert should_autostart(argv, environ, enabled=False) is False


def test_management_commands_never_start_a_scheduler(tmp_path):
    env = server_environment(tmp_path, SCHEDULER_AUTOSTART="true")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "check")
    manage(env, "shell", "-c", "import time; time.sleep(1)")
    manage(env, "collectstatic", "--noinput", "-v0", "--dry-run")

    assert "scheduler started" not in scheduler_log(tmp_path)
    with database(tmp_path) as db:
        assert db.execute("SELECT COUNT(*) FROM core_schedulerheartbeat").fetchone() == (0,)


def test_two_servers_started_together_run_one_scheduler(tmp_path):
    first = start_daphne(tmp_path, SCHEDULER_AUTOSTART="true")
    second = start_daphne(tmp_path, SCHEDULER_AUTOSTART="true")
    try:
        log = wait_for(lambda: (text := scheduler_log(tmp_path)).count("scheduler") >= 2 and text)
        assert log.count("scheduler started") == 1
        assert log.count("scheduler not started") == 1
        assert "the lock is held by pid" in log
        with database(tmp_path) as db:
            (pid,) = db.execute("SELECT pid FROM core_schedulerheartbeat").fetchone()
        assert pid in (first.process.pid, second.process.pid)
    finally:
        first.stop()
        second.stop()


@pytest.fixture
def slow_gemini():
    server = FakeGemini().start()
    # 10 s per person: longer than the scheduler's 3 s wait at shutdown wherever in a call the SIGTERM lands
    # (3 s raced that wait, and lost whenever the server took a moment longer to answer its first request).
    server.behaviour = replace(BEHAVIOURS["slow"], delay=10.0)
    yield server
    server.shutdown()


def test_sigterm_during_a_long_job_exits_within_seconds_and_marks_the_run_interrupted(tmp_path, slow_gemini):
    env = server_environment(tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", CREATE_PEOPLE.format(names=["p1", "p2", "p3", "p4"],
                                                    zone=utc_offset_where_it_is_six_in_the_morning()))  # fmt: skip
    server = start_daphne(tmp_path, SCHEDULER_AUTOSTART="true", GEMINI_API_KEY="test-key", GEMINI_TIMEOUT="30",
                          GEMINI_BASE_URL=slow_gemini.base_url)  # fmt: skip

    def running_run():
        with database(tmp_path) as db:
            return db.execute("SELECT id FROM core_jobrun WHERE status = 'running'").fetchone()

    (run_id,) = wait_for(running_run)
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.communicate(timeout=20)
    elapsed = time.monotonic() - started

    assert elapsed < 8.0
    with database(tmp_path) as db:
        status, error = db.execute("SELECT status, error_text FROM core_jobrun WHERE id = ?", (run_id,)).fetchone()
    assert status == "interrupted"
    assert "stopped during the run" in error
    assert "run(s) interrupted" in scheduler_log(tmp_path)


def test_after_a_sigkill_the_next_start_marks_the_stale_run_interrupted(tmp_path, slow_gemini):
    env = server_environment(tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", CREATE_PEOPLE.format(names=["p1", "p2", "p3"],
                                                    zone=utc_offset_where_it_is_six_in_the_morning()))  # fmt: skip
    settings = {"SCHEDULER_AUTOSTART": "true", "GEMINI_API_KEY": "test-key", "GEMINI_BASE_URL": slow_gemini.base_url}
    server = start_daphne(tmp_path, **settings)

    def running_run():
        with database(tmp_path) as db:
            return db.execute("SELECT id, pid FROM core_jobrun WHERE status = 'running'").fetchone()

    run_id, old_pid = wait_for(running_run)
    server.process.kill()
    server.process.communicate(timeout=10)
    slow_gemini.behaviour = BEHAVIOURS["success"]
    restarted = start_daphne(tmp_path, **settings)
    try:
        wait_for(lambda: "stale running job run(s) marked interrupted" in scheduler_log(tmp_path))

        def finished():
            with database(tmp_path) as db:
                return db.execute("SELECT status, pid, users_done FROM core_jobrun WHERE id = ?", (run_id,)).fetchone()

        _, pid, done = wait_for(lambda: (row := finished())[0] == "succeeded" and row)
        assert pid == restarted.process.pid != old_pid  # the new server finished the same slot's run
        assert done == 3
    finally:
        restarted.stop()


def test_jobs_runjob_and_get_scheduler_jobs_from_a_real_shell(tmp_path):
    env = server_environment(tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", CREATE_PEOPLE.format(names=["ada"], zone="Asia/Tokyo"))

    ran = manage(env, "runjob", "daily_gcode", "--user", "ada", "--date", "2026-11-24")
    listed = manage(env, "jobs")
    inspected = manage(env, "shell", "-c", (
        "from core.scheduler import get_scheduler_jobs\n"
        "for job in get_scheduler_jobs():\n"
        "    last = job['last_run'] or {}\n"
        "    print(job['id'], job['next_run_time'] is not None, last.get('status'), job['scheduler_alive'])"
    ))  # fmt: skip

    assert "daily_gcode 2026-11-24/Asia/Tokyo: succeeded, 1 done, 0 failed" in ran.stdout
    assert listed.stdout.splitlines()[0].split()[:2] == ["id", "trigger"]
    assert "2026-11-24/Asia/Tokyo" in listed.stdout
    assert "No live scheduler" in listed.stdout
    assert inspected.stdout.splitlines()[-4:] == [
        "daily_gcode True succeeded False", "patch_notes True None False", "morning_email True None False",
        "cleanup True None False",
    ]  # fmt: skip


def test_runjob_refuses_an_unknown_person(tmp_path):
    env = server_environment(tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    result = subprocess.run(
        [sys.executable, "manage.py", "runjob", "daily_gcode", "--user", "nobody"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "No user named “nobody”" in result.stderr
