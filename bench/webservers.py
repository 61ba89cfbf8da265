"""Server processes for bench_web.py: the site's settings for a production-like run, daphne workers, the
scheduler process, and a prepared database (a person with today's G-Code, a login session)."""

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_APP = "gcode_site.asgi:application"
BARE_APP = "bench.bare_asgi:application"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(workdir: Path, **extra: str) -> dict[str, str]:
    """Production settings (DEBUG off, hashed static files) without TLS, on a database of the bench's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CHANNEL_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="gcode_site.settings",
        DEBUG="False",
        SECRET_KEY="bench-web-" + "k" * 50,
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        LOG_DIR=str(workdir / "logs"),
        LOG_LEVEL="WARNING",
        SCHEDULER_LOCK_FILE=str(workdir / "scheduler.lock"),
        RECALCULATE_INTERVAL_SECONDS="0",
        SOCKETS_PER_PERSON="6000",
        GEMINI_API_KEY="",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


PREPARE = """
import datetime as dt, json, zoneinfo
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from core.models import User
from core.services.gcode import compute_daily_gcode, local_today

def person(name, zone, daily):
    user = User.objects.create_user(username=name, password="orbit-Lantern-42", birth_date=dt.date(1990, 6, 15),
        birth_time=dt.time(14, 30), birth_place="London", birth_latitude=51.50853, birth_longitude=-0.12574,
        birth_timezone="Europe/London", schedule_timezone=zone, daily_gcode_enabled=daily)
    session = SessionStore()
    session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "core.auth.PersonBackend",
                    HASH_SESSION_KEY: user.get_session_auth_hash()})
    session.create()
    return user, session.session_key

bench, bench_session = person("bench", "Europe/London", False)
compute_daily_gcode(bench, local_today(bench))

client = Client()
client.force_login(bench)
today = local_today(bench).isoformat()
queries = {}
for label, url in [("/healthz", "/healthz"), ("dashboard, first rendering", "/"), ("dashboard, kept", "/"),
                   ("day page", f"/day/{today}/"), ("chart", "/chart/"), ("forecast", "/forecast/"),
                   ("history", "/history/")]:
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    queries[label] = (status, len(captured))
print(json.dumps({"session": bench_session, "queries": queries}))
"""

# Someone whose 04:00 G-Code is due now and not yet done: the scheduler process's first sweep writes it.
ADD_DAWN = (
    PREPARE.split("bench, bench_session")[0]
    + """
hour = dt.datetime.now(dt.UTC).hour
offset = next(h for h in range(-12, 15) if (hour + h) % 24 == 6)  # a zone where it is about 06:00
zone = "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # Etc signs are inverted
dawn, session = person("dawn", zone, True)
User.objects.filter(pk=dawn.pk).update(date_joined=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
print(session)
"""
)


def prepare_database(env: dict[str, str]) -> dict:
    """Migrate, collect static files, make the people and their sessions; the page query counts."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    return json.loads(manage(env, "shell", "-c", PREPARE).strip().splitlines()[-1])


def add_dawn(env: dict[str, str]) -> str:
    """The session of a person whose daily G-Code is due now (the scheduler process will write it)."""
    return manage(env, "shell", "-c", ADD_DAWN).strip().splitlines()[-1]


def answers(port: int, path: str) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    ready_after: float  # seconds from the process's start to its first 200

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def daphne(env: dict[str, str], app: str = SITE_APP, probe: str = "/healthz", timeout: float = 60.0) -> Server:
    """Start daphne as `make run` does and wait for its first 200 on `probe`."""
    port = free_port()
    logs = Path(env["LOG_DIR"])
    logs.mkdir(parents=True, exist_ok=True)
    with (logs / f"daphne-{port}.out").open("w") as sink:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), app],
                                   cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)  # fmt: skip
    while time.perf_counter() - started < timeout:
        if answers(port, probe):
            return Server(process, port, time.perf_counter() - started)
        if process.poll() is not None:
            break
        time.sleep(0.01)
    process.kill()
    raise RuntimeError(f"daphne did not serve {probe}; see {logs / f'daphne-{port}.out'}")


def scheduler(env: dict[str, str]) -> subprocess.Popen:
    logs = Path(env["LOG_DIR"])
    with (logs / "runscheduler.out").open("w") as sink:
        return subprocess.Popen([sys.executable, "manage.py", "runscheduler"], cwd=ROOT, env=env, stdout=sink,
                                stderr=subprocess.STDOUT)  # fmt: skip


def redis_answers(url: str) -> bool:
    """A PING to the Redis server of `url` (redis://host:port/db)."""
    hostport = url.split("//", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]
    host, _, port = hostport.partition(":")
    try:
        with socket.create_connection((host, int(port or 6379)), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False
