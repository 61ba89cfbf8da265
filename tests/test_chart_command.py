"""`manage.py chart`, as people and scripts call it: a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def chart(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "chart", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_json_output_has_ut_points_houses_and_timezone():
    result = chart("--date", "1990-06-15", "--time", "14:30", "--place", "London, United Kingdom", "--json")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ut"] == "1990-06-15T13:30:00Z"
    assert data["timezone"] == "Europe/London"
    assert len(data["houses"]) == 12
    sun = next(p for p in data["points"] if p["name"] == "Sun")
    assert sun["longitude"] == pytest.approx(84.1893, abs=1e-3)


def test_sidereal_zodiac_and_extra_points_by_option():
    result = chart(
        "--date", "1990-06-15", "--time", "14:30", "--lat", "51.5", "--lon", "-0.12", "--zodiac", "lahiri",
        "--lilith", "true", "--south-node", "--part-of-fortune",
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "Sidereal (Lahiri) zodiac" in result.stdout
    for name in ("True Lilith", "South Node", "Part of Fortune"):
        assert name in result.stdout
    assert "Sun             0°" in result.stdout  # 24° Gemini tropical is 0° Gemini under Lahiri


def test_coordinates_and_a_house_system_by_name():
    result = chart("--date", "1985-03-09", "--lat", "27.7", "--lon", "85.32", "--houses", "whole-sign", "--json")

    data = json.loads(result.stdout)
    assert data["timezone"] == "Asia/Kathmandu"
    assert data["houses"] is None  # no time given: no houses
    assert data["time_known"] is False


def test_the_table_names_the_fallback_for_a_polar_birth():
    result = chart("--date", "1990-12-15", "--time", "12:00", "--place", "Tromso")

    assert result.returncode == 0
    assert "Porphyry houses are used instead" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "1100-01-01", "--lat", "10", "--lon", "10"), "outside the supported range"),
        (("--date", "1990-01-01", "--lat", "91", "--lon", "10"), "Latitude 91.0 is out of range"),
        (("--date", "1990-01-01", "--place", "Xyzzyville"), "No place called"),
        (("--date", "1990-01-01", "--place", ""), "Enter a place name"),
        (("--date", "1990-13-01", "--lat", "1", "--lon", "1"), "is not a date"),
        (("--date", "2026-03-08", "--time", "02:30", "--place", "New York City, New York"), "did not exist"),
        (("--date", "1990-01-01", "--lat", "1", "--lon", "1", "--houses", "X"), "Unknown house system"),
    ],
)
def test_errors_go_to_stderr_with_a_nonzero_exit(args, message):
    result = chart(*args)

    assert result.returncode != 0
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("date", "time", "place", "ut"),
    [
        ("1800-01-01", "00:30", "Tokyo, Japan", "1799-12-31T15:"),
        ("2399-12-31", "20:00", "Los Angeles, California", "2400-01-01T04:00:00Z"),
    ],
)
def test_a_birth_at_the_edge_of_the_range_is_charted_by_its_local_date(date, time, place, ut):
    result = chart("--date", date, "--time", time, "--place", place, "--json")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ut"].startswith(ut)
