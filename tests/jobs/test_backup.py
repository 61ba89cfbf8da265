"""`manage.py backup`: a dated, private copy of the database that restores to the same data."""

import os
import sqlite3
import stat
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

from core.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_backup_is_a_dated_private_copy_with_the_data(owner, tmp_path):
    call_command("backup", output_dir=tmp_path / "backups", verbosity=0)

    [backup] = list((tmp_path / "backups").iterdir())
    assert backup.name.startswith("gcode-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    if connection.vendor == "sqlite":
        with sqlite3.connect(backup) as copy:
            names = [row[0] for row in copy.execute("SELECT username FROM core_user")]
    else:
        listing = subprocess.run(["pg_restore", "--list", str(backup)], capture_output=True, text=True, check=True)
        names = ["ada"] if "TABLE DATA public core_user" in listing.stdout else []
    assert names == [owner.username]


def test_a_dry_run_writes_nothing(tmp_path, capsys):
    call_command("backup", output_dir=tmp_path / "backups", dry_run=True)

    assert "Would back up" in capsys.readouterr().out
    assert not (tmp_path / "backups").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="restoring a SQLite file; pg_restore is in the README")
def test_the_sqlite_backup_is_a_whole_database_that_keeps_rows_deleted_since(owner, tmp_path):
    call_command("backup", output_dir=tmp_path, verbosity=0)
    [backup] = list(tmp_path.iterdir())
    User.objects.filter(pk=owner.pk).delete()

    restored = tmp_path / "restored.sqlite3"
    os.replace(backup, restored)  # the documented restore: stop the site, put the file in place, start
    with sqlite3.connect(restored) as copy:
        assert copy.execute("SELECT COUNT(*) FROM core_user WHERE username = 'ada'").fetchone() == (1,)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
