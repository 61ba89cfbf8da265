"""Looking into a server process from outside: its database, and waiting for a condition."""

import datetime as dt
import sqlite3
import time
from pathlib import Path


def database(workdir: Path) -> sqlite3.Connection:
    return sqlite3.connect(workdir / "server.sqlite3", timeout=10)


def wait_for(condition, seconds: float = 20.0, step: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    raise AssertionError("condition not met in time")


CREATE_PEOPLE = """
import datetime as dt
from core.models import User
for name in {names!r}:
    User.objects.create_user(username=name, password="orbit-Lantern-42", birth_date=dt.date(1990, 6, 15),
        birth_time=dt.time(14, 30), birth_place="London", birth_latitude=51.50853, birth_longitude=-0.12574,
        birth_timezone="Europe/London", schedule_timezone={zone!r})
User.objects.update(date_joined=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
"""


def scheduler_log(workdir: Path) -> str:
    path = workdir / "logs" / "scheduler.log"
    return path.read_text() if path.exists() else ""


def utc_offset_where_it_is_six_in_the_morning() -> str:
    """An Etc/GMT zone whose local time is about 06:00 now: its 04:00 slot is due and within the grace window."""
    hour = dt.datetime.now(dt.UTC).hour
    offset = next(h for h in range(-12, 15) if (hour + h) % 24 == 6)
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # Etc signs are inverted
