"""End to end against a real daphne: a job triggered over HTTP is watched over WebSockets as it runs.

How fast an event travels is measured from moments the test can see without the server stamping its
messages: the answer to the POST that started the run, and the times the server stored with what it
wrote (the day's patch notes just before the new G-Code is announced, the run's end before its last
step). Server and test share one clock: they run on the same machine.
"""

import asyncio
import datetime as dt
import json
import re
import sqlite3
import time
import urllib.request

import pytest
import websockets

from tests.support.people import PASSWORD
from tests.support.server import CREATE_PERSON, manage, start_daphne

pytestmark = pytest.mark.server

ASYNCIO_TROUBLE = ("Non-thread-safe operation", "was never awaited", "Task was destroyed", "Executing <", "asyncio")
# asyncio's debug mode reports every callback over 0.1 s; on a machine whose two cores are busy with other
# work, a scheduling delay alone can reach that. A callback that blocks the loop for half a second is ours.
SLOW_CALLBACK = re.compile(r"Executing <.*> took (?P<seconds>[0-9.]+) seconds")
BLOCKING_SECONDS = 0.5


def asyncio_complaint(line: str) -> bool:
    if (slow := SLOW_CALLBACK.search(line)) is not None:
        return float(slow["seconds"]) >= BLOCKING_SECONDS
    return any(word in line for word in ASYNCIO_TROUBLE)


@pytest.fixture(params=["plain", "asyncio debug"])
def server(request, tmp_path):
    extra = {"PYTHONASYNCIODEBUG": "1", "PYTHONWARNINGS": "default"} if request.param == "asyncio debug" else {}
    daphne = start_daphne(tmp_path, **extra)
    manage(daphne.env, "shell", "-c", CREATE_PERSON)
    yield daphne
    daphne.output = daphne.stop()


def start_recalculation(server) -> tuple[int, float]:
    """Start a run over HTTP: its id, and when the answer came (the thread starts before it is sent)."""
    token = next(c.value for c in server.cookies if c.name == "csrftoken")
    request = urllib.request.Request(
        f"{server.base}/gcode/recalculate", method="POST", data=b"",
        headers={"Accept": "application/json", "X-CSRFToken": token, "Referer": f"{server.base}/"},
    )  # fmt: skip
    with server.opener().open(request, timeout=10) as response:
        assert response.status == 202
        run = json.loads(response.read())["run"]
    return run, time.time()


def stored_moments(server, run_id: int) -> tuple[float, float]:
    """When the run's last patch note was written (just before the new G-Code is announced) and when it ended."""
    path = server.env["DATABASE_URL"].removeprefix("sqlite:///")

    def instant(text: str) -> float:
        return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).timestamp()  # Django stores UTC

    with sqlite3.connect(path, timeout=10) as db:
        (written,) = db.execute("SELECT MAX(written_at) FROM core_patchnote").fetchone()
        (finished,) = db.execute("SELECT finished_at FROM core_jobrun WHERE id = ?", (run_id,)).fetchone()
    return instant(written), instant(finished)


def test_progress_and_the_new_gcode_arrive_within_200_ms_of_being_sent(server):
    server.login("ops", PASSWORD)
    server.opener().open(f"{server.base}/", timeout=30).read()  # today's G-Code exists before the run

    async def scenario():
        headers = {"Cookie": server.cookie_header(), "Origin": server.base}
        uri = f"ws://127.0.0.1:{server.port}/ws/dashboard/"
        async with websockets.connect(uri, additional_headers=headers) as dashboard:
            run_id, answered_at = await asyncio.to_thread(start_recalculation, server)
            received = []
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                message = json.loads(await asyncio.wait_for(dashboard.recv(), 15))
                received.append((time.time(), message))
                if message.get("type") == "job.progress" and message.get("state") in ("done", "failed"):
                    break
            progress_uri = f"ws://127.0.0.1:{server.port}/ws/progress/{run_id}/"
            async with websockets.connect(progress_uri, additional_headers=headers) as progress:
                snapshot = json.loads(await asyncio.wait_for(progress.recv(), 5))
            return run_id, answered_at, received, snapshot

    run_id, answered_at, received, snapshot = asyncio.run(scenario())
    notes_written_at, finished_at = stored_moments(server, run_id)

    kinds = [(m["type"], m.get("state")) for _, m in received]
    assert ("gcode.new", None) in kinds
    assert kinds[-1] == ("job.progress", "done")
    percents = [m["percent"] for _, m in received if m["type"] == "job.progress"]
    assert percents == sorted(percents)
    assert len(percents) >= 3  # the bar moves: several steps, not just the end
    for _, message in received:
        assert message["run" if message["type"] == "job.progress" else "type"]  # well-formed
        assert "sent_at" not in message  # nothing in an event is there only for a test
    first_step = next(arrived for arrived, m in received if m["type"] == "job.progress")
    assert first_step - answered_at <= 0.200
    new_gcode = next(arrived for arrived, m in received if m["type"] == "gcode.new")
    assert notes_written_at <= new_gcode <= notes_written_at + 0.200
    done = received[-1][0]
    assert finished_at <= done <= finished_at + 0.200
    assert all(m["run"] == run_id for _, m in received if m["type"] == "job.progress")
    assert (snapshot["status"], snapshot["state"], snapshot["percent"]) == ("succeeded", "done", 100)


def test_no_asyncio_complaints_in_the_server_output(server):
    server.login("ops", PASSWORD)

    async def scenario():
        headers = {"Cookie": server.cookie_header(), "Origin": server.base}
        async with websockets.connect(f"ws://127.0.0.1:{server.port}/ws/dashboard/", additional_headers=headers) as ws:
            await asyncio.to_thread(start_recalculation, server)
            while True:
                message = json.loads(await asyncio.wait_for(ws.recv(), 15))
                if message.get("state") == "done":
                    return

    asyncio.run(scenario())
    output = server.stop()
    complaints = [line for line in output.splitlines() if asyncio_complaint(line)]
    assert complaints == []
