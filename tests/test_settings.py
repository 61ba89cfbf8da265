"""Production settings: `check --deploy` is clean with the values of `.env.example`."""

import os
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


def test_check_deploy_is_clean_with_the_example_production_values(tmp_path):
    env = example_environment()
    env["LOG_DIR"] = str(tmp_path)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = example_environment()
    env["LOG_DIR"] = str(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_settings_create_the_log_folder_when_missing(tmp_path):
    log_dir = tmp_path / "nested" / "logs"
    env = example_environment()
    env["LOG_DIR"] = str(log_dir)
    result = run_manage("check", env=env)

    assert result.returncode == 0, result.stderr
    assert log_dir.is_dir()
