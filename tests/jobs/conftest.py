"""People in chosen timezones for the job tests."""

import datetime as dt

import pytest

from core.models import User


@pytest.fixture
def person_in(db):
    """Make a person with London birth data whose daily schedule runs in `zone`."""

    def make(username: str, zone: str, joined: dt.datetime | None = None, **fields) -> User:
        person = User.objects.create_user(
            username=username,
            password=None,
            birth_date=dt.date(1990, 6, 15),
            birth_time=dt.time(14, 30),
            birth_place="London",
            birth_latitude=51.50853,
            birth_longitude=-0.12574,
            birth_timezone="Europe/London",
            schedule_timezone=zone,
            **fields,
        )
        User.objects.filter(pk=person.pk).update(date_joined=joined or dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        person.refresh_from_db()
        return person

    return make
