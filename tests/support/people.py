"""People by role, as the tests make them: a Londoner with full birth data, and sign-up form data."""

import datetime as dt

from core.models import Relation, SavedPerson, User

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


def birth_form(**overrides) -> dict:
    data = {
        "birth_date": "1990-06-15",
        "birth_time": "14:30",
        "birth_time_fold": "",
        "birth_place": "London, United Kingdom",
        "birth_latitude": "",
        "birth_longitude": "",
        "birth_timezone": "",
        "house_system": "P",
        "zodiac": "tropical",
        "lilith": "",
        "tone": "inspiring",
        "daily_gcode_enabled": "on",
        "schedule_timezone": "Europe/London",
    }
    data.update(overrides)
    return data


def save_person(owner, name="Sam", **fields) -> SavedPerson:
    """A person born in Lisbon on 1988-03-02 at 07:15, kept by `owner`."""
    fields = {
        "birth_date": dt.date(1988, 3, 2), "birth_time": dt.time(7, 15), "birth_place": "Lisbon, Portugal",
        "birth_latitude": 38.71667, "birth_longitude": -9.13333, "birth_timezone": "Europe/Lisbon", **fields,
    }  # fmt: skip
    return SavedPerson.objects.create(owner=owner, name=name, relation=Relation.PARTNER, **fields)
