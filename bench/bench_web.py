"""The request path, live updates and serving on more cores, measured in one run: `make bench-web`.

Not a test: one table, each figure beside its reference and its target, all measured in this run
on this machine (absolute figures follow the machine and its load; the ratios are what to read:
the throughputs compared are measured in turns, three rounds each, and their medians compared).

- Throughput at 32 connections of a bare Django view (bench/bare_settings.py: no middleware, no
  database) under the same daphne and the site's own handler (core/request_threads.py, as many request
  threads: bench/bare_asgi.py), of `/healthz`, and of a signed-in person's dashboard; p99 at 8
  connections; the database queries of each page.
- Recalculate click (the POST) to `gcode.new` on the person's dashboard socket, with the local engine.
- 5,000 dashboard sockets on one process (one person's, the bench raises the sockets-per-person limit): one
  Recalculate click, and each socket receives the run's events (its progress steps, `gcode.new`, the patch
  notes); the time from the click to `gcode.new` on each socket, its p99; memory per idle socket.
- Start-up: process start to the first 200 from `/healthz`.
- The multi-process recipe (docs/deploy): 1 and 2 daphne workers with the Redis channel layer on one
  SQLite database, connections spread over the workers as nginx does; and an event sent by the
  scheduler process (`manage.py runscheduler`) reaching a socket on a worker. Needs Redis at
  BENCH_REDIS_URL (default redis://127.0.0.1:6379/0); without it those rows say so.

Run: make bench-web   (or .venv/bin/python bench/bench_web.py [PART ...], PART among start-up, throughput,
fan-out, multi-process; BENCH_SECONDS=9 per throughput, BENCH_SOCKETS=5000)
"""

import asyncio
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.webload import LoadResult, Socket, http_call, load, request_bytes
from bench.webservers import (
    BARE_APP,
    add_dawn,
    daphne,
    prepare_database,
    redis_answers,
    scheduler,
    site_environment,
)

SECONDS = float(os.environ.get("BENCH_SECONDS", "9"))  # per target at 32 connections, over ROUNDS turns
SOCKETS = int(os.environ.get("BENCH_SOCKETS", "5000"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
RECALCULATIONS = 7
ROUNDS = 3
rows: list[tuple[str, str, str, str]] = []  # measure, figure, reference, target


def row(measure: str, figure: str, reference: str = "", target: str = "") -> None:
    rows.append((measure, figure, reference, target))
    print(f"  {measure}: {figure}  {reference}  {target}", file=sys.stderr, flush=True)


def verdict(ok: bool) -> str:
    return "✓" if ok else "✗"


@dataclass
class Rate:
    """The median rate of several rounds, and the answers that were not 200."""

    rate: float
    failures: int

    def __str__(self) -> str:
        return f"{self.rate:.0f} req/s" + (f" ({self.failures} not 200)" if self.failures else "")


def failures(result: LoadResult) -> int:
    return sum(n for status, n in result.statuses.items() if status != 200) + result.errors


def interleaved(targets: list[tuple[list[int], str, str]]) -> list[Rate]:
    """Each (ports, path, cookie) at 32 connections, in turns over ROUNDS rounds: a machine whose load drifts
    (other work running) weighs on every target alike, and the ratios of the medians hold."""
    results: list[list[LoadResult]] = [[] for _ in targets]
    for _ in range(ROUNDS):
        for i, (ports, path, cookie) in enumerate(targets):
            results[i].append(load(ports, path, cookie=cookie, connections=32, warmup=1.0, seconds=SECONDS / ROUNDS))
    return [Rate(statistics.median(r.rate for r in runs), sum(failures(r) for r in runs)) for runs in results]


def raise_file_limit(wanted: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


CSRF_SECRET = "b" * 32  # an unmasked secret is a valid token when the cookie holds the same


def signed_in_cookie(prepared: dict) -> str:
    """The cookies a signed-in browser sends: its session, and the CSRF cookie the site set when it signed in."""
    return f"sessionid={prepared['session']}; csrftoken={CSRF_SECRET}"


def csrf_post(port: int, path: str, cookie: str) -> bytes:
    return request_bytes(path, port, cookie, "POST",
                         f"X-CSRFToken: {CSRF_SECRET}\r\nAccept: application/json\r\nContent-Length: 0")  # fmt: skip


async def recalculate_to_event(port: int, cookie: str, times: int) -> list[float]:
    """Seconds from sending the Recalculate POST to `gcode.new` arriving on the dashboard socket."""
    socket = await Socket.open(port, "/ws/dashboard/", cookie)
    elapsed = []
    try:
        for _ in range(times):
            started = time.time()
            status, body = await http_call(port, csrf_post(port, "/gcode/recalculate", cookie))
            if status != 202:
                raise RuntimeError(f"recalculate answered {status}: {body[:200]!r}")
            _, arrived = await asyncio.wait_for(socket.wait_for("gcode.new"), 30)
            elapsed.append(arrived - started)
            await asyncio.sleep(0.3)  # the run's last writes and events
    finally:
        socket.close()
    return elapsed


async def fan_out(server, cookie: str, count: int) -> tuple[int, int, list[float], float]:
    """Open `count` dashboard sockets, note the RSS they cost, recalculate once, time each delivery from the click.

    One recalculation first, with one socket: the server's first run loads what a fresh process loads lazily
    (the chart engine, the ephemeris files, templates); the figure is the delivery of a server in service."""
    await recalculate_to_event(server.port, cookie, 1)
    before = server.rss_kib()
    gate = asyncio.Semaphore(16)
    retries = 0

    async def opened():
        # As a browser does, a socket whose handshake was dropped (daphne gives a handshake 5 s) comes back.
        nonlocal retries
        for attempt in range(6):
            try:
                async with gate:
                    socket = await Socket.open(server.port, "/ws/dashboard/", cookie)
                # Read from the start, as a browser does: daphne pings every socket every 20 s and closes one
                # that does not answer (sockets left unread while the others opened were closed).
                return socket, asyncio.create_task(socket.wait_for("gcode.new"))
            except (ConnectionError, OSError, asyncio.IncompleteReadError):
                retries += 1
                await asyncio.sleep(0.5 * (attempt + 1))
        raise ConnectionError("a socket could not be opened in 6 attempts")

    pairs = await asyncio.gather(*(opened() for _ in range(count)))
    sockets, waits = [s for s, _ in pairs], [w for _, w in pairs]
    await asyncio.sleep(2)
    per_socket_kib = (server.rss_kib() - before) / count
    try:
        clicked = time.time()
        status, body = await http_call(server.port, csrf_post(server.port, "/gcode/recalculate", cookie))
        if status != 202:
            raise RuntimeError(f"recalculate answered {status}: {body[:200]!r}")
        done, pending = await asyncio.wait(waits, timeout=60)
        for task in pending:
            task.cancel()
        received = [task.result() for task in done if not task.exception()]
        delays = sorted(arrived - clicked for _, arrived in received)
    finally:
        for s in sockets:
            s.close()
    return len(sockets), retries, delays, per_socket_kib


async def scheduler_event_on_another_worker(env: dict[str, str], port: int, cookie: str) -> float:
    """Start the scheduler process; seconds until its `gcode.new` (dawn's 04:00 G-Code) reaches the worker's socket."""
    socket = await Socket.open(port, "/ws/dashboard/", cookie)
    process = scheduler(env)
    started = time.time()
    try:
        await asyncio.wait_for(socket.wait_for("gcode.new"), 90)
        return time.time() - started
    finally:
        socket.close()
        process.terminate()
        process.wait(timeout=20)


def start_up(env: dict[str, str], prepared: dict) -> None:
    starts = []
    for _ in range(3):
        server = daphne(env)
        starts.append(server.ready_after)
        server.stop()
    bare_starts = []
    for _ in range(3):
        server = daphne(env, BARE_APP, probe="/bare")
        bare_starts.append(server.ready_after)
        server.stop()
    start = statistics.median(starts)
    row("start-up: process start → first 200 from /healthz (median of 3)", f"{start:.2f} s",
        f"bare Django view: {statistics.median(bare_starts):.2f} s", f"< 2 s {verdict(start < 2)}")  # fmt: skip


def throughput(env: dict[str, str], prepared: dict) -> None:
    cookie = signed_in_cookie(prepared)
    bare = daphne(env, BARE_APP, probe="/bare")
    server = daphne(env)
    try:
        bare_rate, health_rate, dashboard_rate = interleaved(
            [([bare.port], "/bare", ""), ([server.port], "/healthz", ""), ([server.port], "/", cookie)]
        )
        row("bare Django view, 32 connections", bare_rate)
        share = health_rate.rate / bare_rate.rate
        row("/healthz, 32 connections", health_rate, f"{share:.0%} of bare", f"≥ 70% {verdict(share >= 0.7)}")
        share = dashboard_rate.rate / health_rate.rate
        row("dashboard (signed in), 32 connections", dashboard_rate, f"{share:.0%} of /healthz",
            f"≥ 60% {verdict(share >= 0.6)}")  # fmt: skip
        for label, path, extra in [("/healthz", "/healthz", ""), ("dashboard", "/", cookie)]:
            result = load([server.port], path, cookie=extra, connections=8, seconds=5.0)
            p99 = result.percentile(0.99) * 1000
            row(f"{label} p99 at 8 connections", f"{p99:.0f} ms", f"median {result.median * 1000:.0f} ms",
                f"< 50 ms {verdict(p99 < 50)}")  # fmt: skip
        for label, (status, count) in prepared["queries"].items():
            row(f"queries: {label}", f"{count}" + ("" if status == 200 else f" (status {status})"))
        delays = asyncio.run(recalculate_to_event(server.port, cookie, RECALCULATIONS))
        median = statistics.median(delays)
        row(
            f"Recalculate click → gcode.new on the socket (median of {RECALCULATIONS})",
            f"{median * 1000:.0f} ms",
            f"min {min(delays) * 1000:.0f}, max {max(delays) * 1000:.0f} ms",
            f"< 150 ms {verdict(median < 0.15)}",
        )
    finally:
        server.stop()
        bare.stop()


def many_sockets(env: dict[str, str], prepared: dict) -> None:
    cookie = signed_in_cookie(prepared)
    server = daphne(env)
    try:
        opened, retries, delays, per_socket = asyncio.run(fan_out(server, cookie, SOCKETS))
        received = len(delays)
        p99 = delays[min(len(delays) - 1, int(0.99 * len(delays)))] if delays else float("nan")
        row(f"{SOCKETS:,} dashboard sockets on one process, one Recalculate click: gcode.new received within 60 s",
            f"{received:,} of {opened:,}", f"{retries} handshakes retried" if retries else "",
            f"all {verdict(received == SOCKETS)}")  # fmt: skip
        median = f"median {statistics.median(delays) * 1000:.0f} ms" if delays else ""
        row("… click → gcode.new on each socket, p99", f"{p99 * 1000:.0f} ms", median, f"< 1 s {verdict(p99 < 1)}")
        row("… memory per idle socket (server RSS)", f"{per_socket:.0f} KiB")
    finally:
        server.stop()


def multi_process(env: dict[str, str], prepared: dict) -> None:
    if not redis_answers(REDIS_URL):
        row("multi-process recipe", f"not measured: no Redis at {REDIS_URL} (set BENCH_REDIS_URL)")
        return
    env = {**env, "CHANNEL_LAYER": "redis", "REDIS_URL": REDIS_URL, "SCHEDULER_AUTOSTART": "false"}
    cookie = signed_in_cookie(prepared)
    dawn = f"sessionid={add_dawn(env)}"
    servers = [daphne(env) for _ in range(2)]
    try:
        one, two = [s.port for s in servers[:1]], [s.port for s in servers]
        # The second worker idles while the first is measured alone, in turns with both.
        results = interleaved([(one, "/healthz", ""), (two, "/healthz", ""), (one, "/", cookie), (two, "/", cookie)])
        seconds = asyncio.run(scheduler_event_on_another_worker(env, servers[1].port, dawn))
    finally:
        for s in servers:
            s.stop()
    for label, (alone, both) in [("/healthz", results[:2]), ("dashboard", results[2:])]:
        gain = both.rate / alone.rate
        row(f"{label}, 2 workers (Redis layer), 32 connections", both, f"1 worker: {alone}; {gain:.2f}×",
            f"≥ 1.7× {verdict(gain >= 1.7)}")  # fmt: skip
    row("scheduler process → socket on worker 2: gcode.new", f"received {seconds:.1f} s after the scheduler started",
        "", "received ✓")  # fmt: skip


PARTS = {"start-up": start_up, "throughput": throughput, "fan-out": many_sockets, "multi-process": multi_process}


def main() -> None:
    raise_file_limit(SOCKETS + 2000)
    workdir = Path(tempfile.mkdtemp(prefix="bench-web-"))
    env = site_environment(workdir)
    print(f"preparing a database and static files in {workdir}…", file=sys.stderr, flush=True)
    prepared = prepare_database(env)
    for part in sys.argv[1:] or list(PARTS):
        PARTS[part](env, prepared)
    shutil.rmtree(workdir)  # kept, with the servers' output, when something failed
    print()
    print(f"`make bench-web` on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} at the end; daphne, DEBUG off, SQLite")  # fmt: skip
    print()
    print("| measure | figure | reference (same run) | target |")
    print("|---|---|---|---|")
    for measure, figure, reference, target in rows:
        print(f"| {measure} | {figure} | {reference} | {target} |")


if __name__ == "__main__":
    main()
