"""Fixtures shared by the whole suite: people by role."""

import datetime as dt

import pytest

from core.models import User

PASSWORD = "orbit-Lantern-42"


@pytest.fixture
def owner(db) -> User:
    """A person with full birth data (London, 1990-06-15 14:30)."""
    return User.objects.create_user(
        username="ada",
        password=PASSWORD,
        birth_date=dt.date(1990, 6, 15),
        birth_time=dt.time(14, 30),
        birth_place="London",
        birth_latitude=51.50853,
        birth_longitude=-0.12574,
        birth_timezone="Europe/London",
        schedule_timezone="Europe/London",
    )


@pytest.fixture
def stranger(db) -> User:
    """Another person, who should have no access to the owner's data."""
    return User.objects.create_user(username="mallory", password=PASSWORD)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client
