"""A person's data as a whole: everything exported as JSON, or everything deleted."""

import datetime as dt
import zoneinfo
from typing import Any

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from core.models import (
    AccessToken,
    Connections,
    DailyGCode,
    DayNote,
    MorningEmail,
    NatalChart,
    PatchNote,
    SavedPerson,
    User,
)

PROFILE_FIELDS = (
    "username", "email", "date_joined", "birth_date", "birth_time", "birth_time_fold", "birth_place",
    "birth_latitude", "birth_longitude", "birth_timezone", "house_system", "tone", "daily_gcode_enabled",
    "schedule_timezone", "zodiac", "lilith", "show_south_node", "show_part_of_fortune",
)  # fmt: skip

PERSON_FIELDS = (
    "birth_date", "birth_time", "birth_time_fold", "birth_place", "birth_latitude", "birth_longitude", "birth_timezone",
)  # fmt: skip


def plain(value: Any, zone: zoneinfo.ZoneInfo) -> Any:
    """JSON-ready; instants in the person's own zone, with their offset."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return value.astimezone(zone).isoformat()
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def export_data(user: User) -> dict[str, Any]:
    """Everything the site keeps about the person (no password hash, no other person's data)."""
    chart = NatalChart.objects.filter(user=user).first()
    zone = zoneinfo.ZoneInfo(user.schedule_timezone)
    return {
        "exported_at": plain(timezone.now(), zone),
        "timezone": user.schedule_timezone,
        "profile": {name: plain(getattr(user, name), zone) for name in PROFILE_FIELDS},
        "natal_chart": chart.data if chart else None,
        "daily_gcodes": [
            {"date": r.date.isoformat(), "score": r.score, "level": r.level, "themes": r.themes, "program": r.program,
             "interpretation": r.interpretation, "affirmation": r.affirmation, "guidance": r.guidance,
             "facts": r.day_facts.as_dict(), "engine": r.engine, "model": r.model, "pinned": r.pinned}
            for r in DailyGCode.objects.filter(user=user).order_by("date")
        ],
        "patch_notes": [
            {"date": n.date.isoformat(), "platform": n.platform, "version": n.version, "body": n.body,
             "engine": n.engine, "pinned": n.pinned}
            for n in PatchNote.objects.filter(user=user).order_by("date", "platform")
        ],
        "day_notes": [
            {"date": n.date.isoformat(), "text": n.text} for n in DayNote.objects.filter(user=user).order_by("date")
        ],
        "people": [
            {"name": p.name, "relation": p.relation, **{f: plain(getattr(p, f), zone) for f in PERSON_FIELDS}}
            for p in SavedPerson.objects.owned_by(user)
        ],
        "connections": connections_export(user, zone),
    }  # fmt: skip


def connections_export(user: User, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    """Email preferences, token names and sent morning emails; never the secrets themselves."""
    connections = Connections.objects.filter(user=user).first()
    return {
        "morning_email": connections.morning_email if connections else False,
        "morning_email_time": plain(connections.morning_email_time, zone) if connections else None,
        "access_tokens": [
            {"name": t.name, "created_at": plain(t.created_at, zone), "last_used_at": plain(t.last_used_at, zone)}
            for t in AccessToken.objects.filter(user=user)
        ],
        "morning_emails": [
            {"date": plain(m.date, zone), "status": m.status, "attempts": m.attempts, "sent_at": plain(m.sent_at, zone)}
            for m in MorningEmail.objects.filter(user=user).order_by("date")
        ],
    }


def sessions_of(user: User) -> list[str]:
    """Keys of the person's open sessions (in any browser)."""
    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            keys.append(session.session_key)
    return keys


@transaction.atomic
def delete_account(user: User) -> None:
    """The person and everything of theirs: chart, G-Codes, patch notes, notes, runs and sessions.

    The person's row is locked first: a run still writing for them (a G-Code, a progress step) then
    waits for the deletion and fails on its own, instead of landing a row this deletion did not see,
    which PostgreSQL would refuse at this commit."""
    User.objects.select_for_update().filter(pk=user.pk).exists()
    Session.objects.filter(session_key__in=sessions_of(user)).delete()
    user.delete()  # the rest goes with it (on_delete=CASCADE)
