"""The signed-in pages, and waiting for the runs a page started."""

import time

from core.models import JobRun

PAGES = ["home", "forecast", "history", "patch-notes", "solar-system", "settings", "export", "delete-account",
         "chart", "birth-data"]  # fmt: skip


def wait_until_no_run_is_running(seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while JobRun.objects.running().exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not JobRun.objects.running().exists()
