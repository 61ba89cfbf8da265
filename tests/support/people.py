"""People by role, as the tests make them: a Londoner with full birth data, and sign-up form data."""

import datetime as dt

from core.models import User

PASSWORD = "orbit-Lantern-42"


def londoner(username: str, **fields) -> User:
    """A person born in London on 1990-06-15 at 14:30 (their schedule in London unless told otherwise)."""
    fields = {"schedule_timezone": "Europe/London", "password": PASSWORD, **fields}
    return User.objects.create_user(
        username=username, birth_date=dt.date(1990, 6, 15), birth_time=dt.time(14, 30), birth_place="London",
        birth_latitude=51.50853, birth_longitude=-0.12574, birth_timezone="Europe/London", **fields,
    )  # fmt: skip


def registration(**overrides) -> dict:
    data = {
        "username": "grace",
        "email": "grace@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "birth_date": "1985-03-09",
        "birth_time": "06:45",
        "birth_place": "Kathmandu",
        "birth_latitude": "27.70169",
        "birth_longitude": "85.3206",
        "birth_timezone": "",
    }
    data.update(overrides)
    return data
