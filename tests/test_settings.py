"""Production settings: safe by default; `check --deploy` is clean with `.env.example` and a real key."""

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def example_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CHANNEL_"))}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    env["DJANGO_SETTINGS_MODULE"] = "gcode_site.settings"
    return env


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_the_example_production_values_and_a_real_key(tmp_path):
    env = example_environment()
    env["LOG_DIR"] = str(tmp_path)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = example_environment()
    env["LOG_DIR"] = str(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY is not set and DEBUG is off" in result.stderr


def test_the_placeholder_key_of_the_example_file_is_refused(tmp_path):
    env = example_environment()
    env["LOG_DIR"] = str(tmp_path)
    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "gcode.E001" in result.stderr


def test_debug_is_off_when_unset(tmp_path):
    env = example_environment()
    env.update(LOG_DIR=str(tmp_path), SECRET_KEY=secrets.token_urlsafe(50))
    del env["DEBUG"]
    result = run_manage("shell", "-c", "from django.conf import settings; print('DEBUG', settings.DEBUG)", env=env)

    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


def test_database_and_logs_are_private_to_the_site_user(tmp_path):
    env = example_environment()
    env.update(SECRET_KEY=secrets.token_urlsafe(50), LOG_DIR=str(tmp_path / "logs"))
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    result = run_manage("migrate", "--noinput", "-v0", env=env)

    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "site.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "logs").stat().st_mode) == 0o700


def test_settings_create_the_log_folder_when_missing(tmp_path):
    log_dir = tmp_path / "nested" / "logs"
    env = example_environment()
    env.update(LOG_DIR=str(log_dir), SECRET_KEY=secrets.token_urlsafe(50))
    result = run_manage("check", env=env)

    assert result.returncode == 0, result.stderr
    assert log_dir.is_dir()


def test_no_request_threads_is_refused_by_check(tmp_path):
    env = example_environment()
    env.update(LOG_DIR=str(tmp_path), SECRET_KEY=secrets.token_urlsafe(50), REQUEST_THREADS="0")
    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "gcode.E002" in result.stderr
