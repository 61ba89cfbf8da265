"""The scheduler's lock: a file lock on SQLite, an advisory lock on PostgreSQL; one holder at a time."""

import pytest
from django.db import connection

from core.scheduler.locking import AdvisoryLock, FileLock, scheduler_lock


def test_a_second_file_lock_is_refused_and_told_who_holds_it(tmp_path):
    first, second = FileLock(tmp_path / "scheduler.lock"), FileLock(tmp_path / "scheduler.lock")
    try:
        assert first.acquire()
        assert not second.acquire()
        assert second.holder().startswith("pid ")
    finally:
        first.release()
    assert second.acquire()
    second.release()


@pytest.mark.django_db
def test_the_lock_fits_the_database():
    expected = AdvisoryLock if connection.vendor == "postgresql" else FileLock
    assert isinstance(scheduler_lock(), expected)


@pytest.mark.scaleout
@pytest.mark.django_db
def test_on_postgresql_a_second_advisory_lock_is_refused_until_the_first_session_ends():
    if connection.vendor != "postgresql":
        pytest.skip("runs in make test-scaleout, against PostgreSQL")
    first, second = AdvisoryLock(), AdvisoryLock()
    try:
        assert first.acquire()
        assert not second.acquire()
        assert "gcode-scheduler" in second.holder()
    finally:
        first.release()
    assert second.acquire()
    second.release()
