"""A real daphne process on a free port, with its own SQLite database, for end-to-end tests."""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.people import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(workdir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CHANNEL_LAYER")}
    env.update(
        DJANGO_SETTINGS_MODULE="gcode_site.settings",
        DEBUG="True",
        DATABASE_URL=f"sqlite:///{workdir / 'server.sqlite3'}",
        LOG_DIR=str(workdir / "logs"),
        SCHEDULER_AUTOSTART="false",
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=True
    )


@dataclass
class DaphneServer:
    """A running daphne; `login()` gives an opener holding a real session cookie."""

    process: subprocess.Popen
    port: int
    env: dict[str, str]
    cookies: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def opener(self) -> urllib.request.OpenerDirector:
        return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def login(self, username: str, password: str) -> urllib.request.OpenerDirector:
        opener = self.opener()
        opener.open(f"{self.base}/accounts/login/", timeout=10).read()
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        opener.open(f"{self.base}/accounts/login/", data.encode(), timeout=10).read()
        return opener

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)

    def stop(self) -> str:
        """Stop the server; its output (access log and logging) so far."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.output_file.read_text()

    @property
    def output_file(self) -> Path:
        return Path(self.env["LOG_DIR"]) / f"daphne-{self.port}.out"


def start_daphne(workdir: Path, **extra_env: str) -> DaphneServer:
    """Migrate a fresh database, then start daphne and wait until /healthz answers."""
    env = server_environment(workdir, **extra_env)
    manage(env, "migrate", "--noinput", "-v0")
    return launch_daphne(env, free_port())


def launch_daphne(env: dict[str, str], port: int) -> DaphneServer:
    """Start daphne on `port` with `env` (an existing database) and wait until /healthz answers.

    Its output goes to a file, not a pipe: a pipe nobody reads fills up and blocks the server."""
    output = Path(env["LOG_DIR"]) / f"daphne-{port}.out"
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "gcode_site.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            text=True,
        )
    server = DaphneServer(process, port, env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne exited early:\n{server.stop()}")
        try:
            urllib.request.urlopen(f"{server.base}/healthz", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"daphne did not answer in 30 s:\n{server.stop()}")


# Run with `manage(env, "shell", "-c", CREATE_PERSON)`: a Londoner who can sign in with PASSWORD.
CREATE_PERSON = f"""
import datetime as dt
from core.models import User
User.objects.create_user(username="ops", password="{PASSWORD}", birth_date=dt.date(1990, 6, 15),
    birth_time=dt.time(14, 30), birth_place="London", birth_latitude=51.50853, birth_longitude=-0.12574,
    birth_timezone="Europe/London", schedule_timezone="Europe/London")
"""
