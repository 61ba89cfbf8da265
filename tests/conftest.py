"""Fixtures shared by the whole suite: people by role, and the ephemeris in use."""

import datetime as dt

import pytest
from django.conf import settings

from core.astro import ephemeris
from core.models import User

PASSWORD = "orbit-Lantern-42"


def londoner(username: str, **fields) -> User:
    """A person born in London on 1990-06-15 at 14:30 (their schedule in London unless told otherwise)."""
    fields = {"schedule_timezone": "Europe/London", "password": PASSWORD, **fields}
    return User.objects.create_user(
        username=username, birth_date=dt.date(1990, 6, 15), birth_time=dt.time(14, 30), birth_place="London",
        birth_latitude=51.50853, birth_longitude=-0.12574, birth_timezone="Europe/London", **fields,
    )  # fmt: skip


@pytest.fixture
def owner(db) -> User:
    """A person with full birth data (London, 1990-06-15 14:30)."""
    return londoner("ada")


@pytest.fixture
def stranger(db) -> User:
    """Another person, who should have no access to the owner's data."""
    return User.objects.create_user(username="mallory", password=PASSWORD)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def use_ephemeris(path: str):
    """Switch the process-wide ephemeris for one test, then put the previous one back."""
    previous = ephemeris.source()
    source = ephemeris.configure(path)
    yield source
    ephemeris.configure(previous.path)


@pytest.fixture
def moshier_ephemeris():
    """The built-in Moshier ephemeris, as on an install without Swiss Ephemeris files."""
    yield from use_ephemeris("")


@pytest.fixture
def swiss_files():
    """The Swiss Ephemeris files that `make` installs; their absence is a broken install, not a skip."""
    path = settings.INSTALLED_EPHEMERIS
    assert (path / ephemeris.PLANET_FILE).is_file(), f"no Swiss Ephemeris files in {path}: run make test"
    yield from use_ephemeris(str(path))
