"""Against a real daphne: a person flooding their sockets does not take the site down, and a
session's sockets close within a second of its logout or a password change."""

import asyncio
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import websockets

from tests.support.people import PASSWORD
from tests.support.server import CREATE_PERSON, DaphneServer, manage, start_daphne

pytestmark = pytest.mark.server

FLOOD_SECONDS = 20
FLOOD_SOCKETS = 4
PING = '{"type": "ping"}'


@pytest.fixture
def server(tmp_path):
    daphne = start_daphne(tmp_path)
    manage(daphne.env, "shell", "-c", CREATE_PERSON)
    daphne.login("ops", PASSWORD)
    yield daphne
    daphne.stop()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def socket_headers(server: DaphneServer) -> dict[str, str]:
    return {"Cookie": server.cookie_header(), "Origin": server.base}


async def flood_one(server: DaphneServer, until: float, counts: dict[str, int]) -> None:
    """Send pings as fast as the connection takes them, never reading; open a new socket when closed."""
    uri = f"ws://127.0.0.1:{server.port}/ws/dashboard/"
    while time.monotonic() < until:
        try:
            # max_queue=1 and a tiny read limit: the client stops reading almost at once.
            async with websockets.connect(uri, additional_headers=socket_headers(server), max_queue=1) as ws:
                counts["sockets"] += 1
                while time.monotonic() < until:
                    await ws.send(PING)
                    counts["sent"] += 1
        except (websockets.exceptions.WebSocketException, OSError):
            counts["closed"] += 1
            await asyncio.sleep(0)


# A monitor of its own (another process, as in production): probes /healthz every 50 ms until
# stopped, one latency per line; a probe that fails or times out counts as its full timeout.
MONITOR = """
import sys, time, urllib.request
while True:
    started = time.monotonic()
    try:
        urllib.request.urlopen(sys.argv[1], timeout=5).read()
        print(time.monotonic() - started, flush=True)
    except OSError:
        print(5.0, flush=True)
    time.sleep(0.05)
"""


def start_monitor(server: DaphneServer) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", MONITOR, f"{server.base}/healthz"], stdout=subprocess.PIPE, text=True
    )


def stop_monitor(monitor: subprocess.Popen) -> list[float]:
    monitor.terminate()
    output, _ = monitor.communicate(timeout=10)
    return [float(line) for line in output.split()]


@pytest.mark.slow  # FLOOD_SECONDS of flooding, then the server settles
def test_a_flooding_client_neither_slows_the_site_nor_swells_the_server(server):
    pid = server.process.pid
    before = rss_mb(pid)
    monitor = start_monitor(server)
    counts = {"sockets": 0, "sent": 0, "closed": 0}
    peak = before

    async def flood() -> None:
        nonlocal peak
        until = time.monotonic() + FLOOD_SECONDS
        tasks = [asyncio.create_task(flood_one(server, until, counts)) for _ in range(FLOOD_SOCKETS)]
        while time.monotonic() < until:
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)
        await asyncio.gather(*tasks)

    asyncio.run(flood())
    time.sleep(3)  # the server settles after the flood
    latencies = stop_monitor(monitor)
    after = rss_mb(pid)

    p99 = statistics.quantiles(latencies, n=100)[98]
    print(f"flood: {counts}, healthz p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p99 {p99 * 1000:.0f} ms over {len(latencies)} probes, "
          f"RSS {before:.0f} MB -> peak {peak:.0f} MB -> after {after:.0f} MB")  # fmt: skip
    assert counts["sent"] > 1000  # the flood really happened
    assert p99 < 0.5
    assert peak - before < 100
    assert after - before < 50


def close_code_after(server: DaphneServer, action) -> tuple[int, float]:
    """Open the dashboard socket, do `action` over HTTP, and time how long after it the socket closes."""

    async def scenario() -> tuple[int, float]:
        uri = f"ws://127.0.0.1:{server.port}/ws/dashboard/"
        async with websockets.connect(uri, additional_headers=socket_headers(server)) as ws:
            await ws.send(PING)
            assert "pong" in await asyncio.wait_for(ws.recv(), 5)
            await asyncio.to_thread(action)
            done = time.monotonic()  # the logout or new password is saved (hashing it takes its time)
            with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
            return closed.value.rcvd.code, time.monotonic() - done

    return asyncio.run(scenario())


def post_form(server: DaphneServer, path: str, fields: dict[str, str]) -> None:
    token = next(c.value for c in server.cookies if c.name == "csrftoken")
    data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(f"{server.base}{path}", data=data, headers={"Referer": f"{server.base}/"})
    server.opener().open(request, timeout=10).read()


def test_logout_closes_the_socket_within_a_second(server):
    code, seconds = close_code_after(server, lambda: post_form(server, "/accounts/logout/", {}))

    assert code == 4401
    assert seconds < 1.0


def test_a_password_change_closes_the_socket_within_a_second(server):
    change = {"old_password": PASSWORD, "new_password1": "comet-Harbor-77", "new_password2": "comet-Harbor-77"}

    code, seconds = close_code_after(server, lambda: post_form(server, "/accounts/password/", change))

    assert code == 4001
    assert seconds < 1.0
