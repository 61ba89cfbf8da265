"""The API's operations: each reads the person's own data through the same services as the pages."""

import datetime as dt

from ninja import NinjaAPI, Query
from ninja.errors import HttpError

from core.api.auth import AUTH, TokenRateThrottle, person
from core.api.schemas import ChartOut, DayOut, DaysOut, ForecastDayOut, PatchNoteOut, PersonOut, Problem
from core.models import DailyGCode, NatalChart, PatchNote, User
from core.oracle.patch_notes import Platform
from core.services.days import cached_forecast, history
from core.services.gcode import local_today

MAX_RANGE_DAYS = 366
MAX_FORECAST_DAYS = 30
MAX_NOTES = 60
ERRORS = {400: Problem, 401: Problem, 404: Problem, 429: Problem}

api = NinjaAPI(
    title="Spiritual G-Code API",
    version="1",
    description="Read-only access to your own G-Code. Authenticate with `Authorization: Bearer <token>` "
    "(create tokens in Settings → Connections) or a logged-in session.",
    auth=AUTH,
    throttle=[TokenRateThrottle()],
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url=None,  # the offline docs page is the site's own (no CDN)
)


def day_out(record: DailyGCode) -> dict:
    return {
        "date": record.date, "zone": record.day_facts.zone, "score": record.score, "level": record.level,
        "themes": record.themes, "program": record.program.splitlines(), "interpretation": record.interpretation,
        "affirmation": record.affirmation, "guidance": record.guidance, "transits": record.day_facts.transits,
        "engine": record.engine, "written_at": record.written_at,
    }  # fmt: skip


def require_birth_data(user: User) -> None:
    if not user.has_birth_data:
        raise HttpError(404, "No birth data yet: enter it in Settings first.")


@api.get("/me", response=PersonOut, summary="The person the request speaks for")
def me(request):
    user = person(request)
    birth = None
    if user.has_birth_data:
        birth = {
            "date": user.birth_date, "time": user.birth_time and f"{user.birth_time:%H:%M}", "place": user.birth_place,
            "latitude": user.birth_latitude, "longitude": user.birth_longitude, "timezone": user.birth_timezone,
        }  # fmt: skip
    return {
        "username": user.username, "email": user.email, "schedule_timezone": user.schedule_timezone,
        "tone": user.tone, "house_system": user.house_system, "daily_gcode_enabled": user.daily_gcode_enabled,
        "birth": birth,
    }  # fmt: skip


@api.get("/chart", response={200: ChartOut, **ERRORS}, summary="My natal chart, as stored")
def chart(request):
    record = NatalChart.objects.filter(user=person(request)).first()
    if record is None:
        raise HttpError(404, "No natal chart yet: enter your birth data first.")
    return {"computed_at": record.computed_at, "chart": record.data}


@api.get("/days/{date}", response={200: DayOut, **ERRORS}, summary="The G-Code of one of my days")
def day(request, date: dt.date):
    record = DailyGCode.objects.filter(user=person(request), date=date).first()
    if record is None:
        raise HttpError(404, f"No G-Code stored for {date.isoformat()}.")
    return day_out(record)


@api.get("/days", response={200: DaysOut, **ERRORS}, summary="My stored G-Codes over a range of dates")
def days(request, start: dt.date, end: dt.date):
    if end < start:
        raise HttpError(400, "The end date is before the start date.")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise HttpError(400, f"A range covers at most {MAX_RANGE_DAYS} days; ask for several ranges.")
    return {"start": start, "end": end, "days": [day_out(r) for r in history(person(request), start, end)]}


@api.get("/forecast", response={200: list[ForecastDayOut], **ERRORS}, summary="Scores of my coming days")
def forecast_days(request, days: int = Query(7, ge=1, le=MAX_FORECAST_DAYS)):
    user = person(request)
    require_birth_data(user)
    return [vars(day) for day in cached_forecast(user, local_today(user), days)]


@api.get("/patch-notes", response={200: list[PatchNoteOut], **ERRORS}, summary="My latest Spiritual Patch Notes")
def patch_notes(request, platform: Platform = Platform.BLOG, limit: int = Query(14, ge=1, le=MAX_NOTES)):
    notes = PatchNote.objects.filter(user=person(request), platform=platform).order_by("-date")[:limit]
    return list(notes)
