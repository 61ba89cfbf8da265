"""The multi-process recipe (docs/deploy): several daphne workers without a scheduler, the Redis channel
layer, and one `runscheduler` process whose events reach sockets on every worker."""

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import zoneinfo

import pytest
import websockets

from tests.support.processes import CREATE_PEOPLE, scheduler_log, utc_offset_where_it_is_six_in_the_morning
from tests.support.server import ROOT, free_port, launch_daphne, manage, server_environment

pytestmark = [pytest.mark.server, pytest.mark.scaleout]
PASSWORD = "orbit-Lantern-42"  # CREATE_PEOPLE's


@pytest.fixture
def recipe_env(tmp_path):
    if os.environ.get("CHANNEL_LAYER") != "redis":
        pytest.skip("runs in make test-scaleout, against Redis")
    env = server_environment(tmp_path, CHANNEL_LAYER="redis", REDIS_URL=os.environ["REDIS_URL"],
                             SCHEDULER_AUTOSTART="false")  # fmt: skip
    manage(env, "migrate", "--noinput", "-v0")
    zone = utc_offset_where_it_is_six_in_the_morning()  # dawn's 04:00 G-Code is due: the first sweep writes it
    manage(env, "shell", "-c", CREATE_PEOPLE.format(names=["dawn"], zone=zone))
    env["DAWN_ZONE"] = zone
    return env


async def next_gcode(socket) -> dict:
    while True:
        message = json.loads(await socket.recv())
        if message.get("type") == "gcode.new":
            return message


def test_an_event_from_the_scheduler_process_reaches_sockets_on_both_workers(recipe_env, tmp_path):
    workers = [launch_daphne(recipe_env, free_port()) for _ in range(2)]
    scheduler = None
    try:
        for worker in workers:
            worker.login("dawn", PASSWORD)

        async def scenario():
            sockets = [
                await websockets.connect(f"ws://127.0.0.1:{w.port}/ws/dashboard/",
                                         additional_headers={"Cookie": w.cookie_header(), "Origin": w.base})
                for w in workers
            ]  # fmt: skip
            await asyncio.sleep(6)  # idle past redis-py's default 5 s read timeout, as a real dashboard waits
            nonlocal scheduler
            with (tmp_path / "runscheduler.out").open("w") as sink:
                scheduler = subprocess.Popen([sys.executable, "manage.py", "runscheduler"], cwd=ROOT, env=recipe_env,
                                             stdout=sink, stderr=subprocess.STDOUT)  # fmt: skip
            try:
                return await asyncio.wait_for(asyncio.gather(*(next_gcode(s) for s in sockets)), 90)
            finally:
                for socket in sockets:
                    await socket.close()

        events = asyncio.run(scenario())
    finally:
        if scheduler is not None:
            scheduler.terminate()
            scheduler.wait(timeout=20)
        outputs = [w.stop() for w in workers]

    today = dt.datetime.now(zoneinfo.ZoneInfo(recipe_env["DAWN_ZONE"])).date().isoformat()
    assert [(e["type"], e["date"]) for e in events] == [("gcode.new", today), ("gcode.new", today)]
    log = scheduler_log(tmp_path)
    assert log.count("scheduler started") == 1  # in the runscheduler process only
    assert str(scheduler.pid) in log
    assert not any("scheduler started" in output for output in outputs)
