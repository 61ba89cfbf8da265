"""Looking into a server process from outside: its database, and waiting for a condition."""

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
