"""One scheduler per installation: a lock held for the life of the process that runs it.

On SQLite the lock is an exclusive `flock` on a file beside the logs; on PostgreSQL a
session-level advisory lock on a connection of its own. The operating system or the database
releases either when the process dies, so a killed server never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from django.conf import settings
from django.db import connections

from core.runs import HOST

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("core.scheduler")
ADVISORY_KEY = 0x6C0DE  # the scheduler's advisory-lock number, the same in every process


class SchedulerLock(Protocol):
    def acquire(self) -> bool: ...
    def release(self) -> None: ...
    def holder(self) -> str: ...


class FileLock:
    """An exclusive, non-blocking flock; the file names its holder for the process that is refused."""

    def __init__(self, path: Path):
        self.path = path
        self.handle: TextIO | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 (held open for the life of the process)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {HOST}\n")
        handle.flush()
        self.handle = handle
        return True

    def release(self) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None

    def holder(self) -> str:
        try:
            return self.path.read_text().strip() or "an unknown process"
        except OSError:
            return "an unknown process"


class AdvisoryLock:
    """A PostgreSQL session advisory lock on a dedicated connection (Django's may be closed between jobs)."""

    def __init__(self, alias: str = "default"):
        # Only the plain connection settings: Django's cursor factory and adapters are not wanted here.
        params = connections[alias].get_connection_params()
        self.params = {k: v for k, v in params.items() if k not in ("cursor_factory", "context", "prepare_threshold")}
        self.connection: psycopg.Connection | None = None

    def acquire(self) -> bool:
        import psycopg  # here, not at the top: only PostgreSQL installations need it, and it costs start-up time

        connection = psycopg.connect(**self.params, autocommit=True, application_name=f"gcode-scheduler {os.getpid()}")
        (locked,) = connection.execute("SELECT pg_try_advisory_lock(%s)", (ADVISORY_KEY,)).fetchone() or (False,)
        if not locked:
            connection.close()
            return False
        self.connection = connection
        return True

    def release(self) -> None:
        if self.connection is not None:
            self.connection.close()  # ending the session releases the lock
            self.connection = None

    def holder(self) -> str:
        import psycopg

        with psycopg.connect(**self.params, autocommit=True) as connection:
            row = connection.execute(
                "SELECT a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.objid = %s",
                (ADVISORY_KEY,),
            ).fetchone()
        if row is None:
            return "nobody (it was just released)"
        name, address, since = row
        return f"{name or 'a client'} from {address or 'a local socket'}, connected since {since:%Y-%m-%d %H:%M:%S}"


def scheduler_lock() -> SchedulerLock:
    """The lock that fits the database in use."""
    if connections["default"].vendor == "postgresql":
        return AdvisoryLock()
    return FileLock(settings.SCHEDULER_LOCK_FILE)
