"""The API's shapes, as the OpenAPI schema shows them."""

import datetime as dt
from typing import Any

from ninja import Schema


class Problem(Schema):
    detail: str


class Birth(Schema):
    date: dt.date
    # A local clock time "HH:MM": OpenAPI's "time" format means an RFC 3339 time with an offset, which this is not.
    time: str | None
    place: str
    latitude: float
    longitude: float
    timezone: str


class PersonOut(Schema):
    username: str
    email: str
    schedule_timezone: str
    tone: str
    house_system: str
    daily_gcode_enabled: bool
    birth: Birth | None


class ChartOut(Schema):
    computed_at: dt.datetime
    chart: dict[str, Any]


class Transit(Schema):
    transit: str
    kind: str
    natal: str
    nature: str
    exact_at: str | None  # local "HH:MM" in the day's zone
    orb: float | None = None  # not given for forecast days
    applying: bool | None = None


class DayOut(Schema):
    date: dt.date
    zone: str
    score: int
    level: str
    themes: list[str]
    program: list[str]
    interpretation: str
    affirmation: str
    guidance: list[str]
    transits: list[Transit]
    engine: str
    written_at: dt.datetime


class DaysOut(Schema):
    start: dt.date
    end: dt.date
    days: list[DayOut]


class ForecastDayOut(Schema):
    date: dt.date
    score: int
    level: str
    leading: list[Transit]


class PatchNoteOut(Schema):
    date: dt.date
    platform: str
    version: str
    body: str
    written_at: dt.datetime
