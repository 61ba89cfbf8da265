"""People in chosen timezones for the job tests."""

import datetime as dt

import pytest

from core.models import User
from tests.support.people import londoner


@pytest.fixture
def person_in(db):
    """Make a person with London birth data whose daily schedule runs in `zone`."""

    def make(username: str, zone: str, joined: dt.datetime | None = None, **fields) -> User:
        person = londoner(username, schedule_timezone=zone, **fields)
        User.objects.filter(pk=person.pk).update(date_joined=joined or dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        person.refresh_from_db()
        return person

    return make
