"""Copy the database into a dated file while the site keeps running, so an operator can restore it
after a lost disk or a bad upgrade. SQLite: the online backup API (a consistent copy even while
the scheduler writes); PostgreSQL: pg_dump in its custom format. Restoring is in the README."""

import datetime as dt
import os
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


def backup_name(vendor: str, now: dt.datetime) -> str:
    suffix = "sqlite3" if vendor == "sqlite" else "pgdump"
    return f"gcode-{now:%Y%m%d-%H%M%S}.{suffix}"


def backup_sqlite(database: str, target: Path) -> None:
    source = sqlite3.connect(database)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()


def backup_postgresql(db: dict, target: Path) -> None:
    """pg_dump with the site's own connection settings; the password goes through the environment."""
    command = ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", f"--dbname={db['NAME']}"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command.append(f"{flag}={db[key]}")
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=3600)  # noqa: S603
    except FileNotFoundError:
        raise CommandError("pg_dump is not installed (Debian: apt-get install postgresql-client).") from None
    except subprocess.CalledProcessError as failed:
        target.unlink(missing_ok=True)
        raise CommandError(f"pg_dump failed: {failed.stderr.strip()}") from None


class Command(BaseCommand):
    help = "Back the database up into a dated file (SQLite online backup, or pg_dump for PostgreSQL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output-dir", type=Path, help="folder for the file (default: BACKUP_DIR)")
        parser.add_argument("--dry-run", action="store_true", help="say where the backup would go, write nothing")

    def handle(self, *args, output_dir: Path | None, dry_run: bool, **options) -> None:
        folder = output_dir or settings.BACKUP_DIR
        target = folder / backup_name(connection.vendor, dt.datetime.now(dt.UTC))
        if connection.vendor not in ("sqlite", "postgresql"):
            raise CommandError(f"No backup method for {connection.vendor}.")
        if dry_run:
            self.stdout.write(f"Would back up the {connection.vendor} database to {target}")
            return
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if connection.vendor == "sqlite":
            backup_sqlite(str(connection.settings_dict["NAME"]), target)
        else:
            backup_postgresql(connection.settings_dict, target)
        if options["verbosity"] > 0:
            self.stdout.write(f"Backed up to {target} ({target.stat().st_size:,} bytes)")
