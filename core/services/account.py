"""A person's data as a whole: everything exported as JSON, or everything deleted."""

import datetime as dt
from typing import Any

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from core.models import AccessToken, Connections, DailyGCode, DayNote, MorningEmail, NatalChart, PatchNote, User

PROFILE_FIELDS = (
    "username", "email", "date_joined", "birth_date", "birth_time", "birth_time_fold", "birth_place",
    "birth_latitude", "birth_longitude", "birth_timezone", "house_system", "tone", "daily_gcode_enabled",
    "schedule_timezone",
)  # fmt: skip


def plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def export_data(user: User) -> dict[str, Any]:
    """Everything the site keeps about the person (no password hash, no other person's data)."""
    chart = NatalChart.objects.filter(user=user).first()
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {name: plain(getattr(user, name)) for name in PROFILE_FIELDS},
        "natal_chart": chart.data if chart else None,
        "daily_gcodes": [
            {"date": r.date.isoformat(), "score": r.score, "level": r.level, "themes": r.themes, "program": r.program,
             "interpretation": r.interpretation, "affirmation": r.affirmation, "guidance": r.guidance,
             "facts": r.facts, "engine": r.engine, "model": r.model, "pinned": r.pinned}
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
        "connections": connections_export(user),
    }  # fmt: skip


def connections_export(user: User) -> dict[str, Any]:
    """Email preferences, token names and sent morning emails; never the secrets themselves."""
    connections = Connections.objects.filter(user=user).first()
    return {
        "morning_email": connections.morning_email if connections else False,
        "morning_email_time": plain(connections.morning_email_time) if connections else None,
        "access_tokens": [
            {"name": t.name, "created_at": plain(t.created_at), "last_used_at": plain(t.last_used_at)}
            for t in AccessToken.objects.filter(user=user)
        ],
        "morning_emails": [
            {"date": plain(m.date), "status": m.status, "attempts": m.attempts, "sent_at": plain(m.sent_at)}
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
    """The person and everything of theirs: chart, G-Codes, patch notes, notes, runs and sessions."""
    Session.objects.filter(session_key__in=sessions_of(user)).delete()
    user.delete()  # the rest goes with it (on_delete=CASCADE)
