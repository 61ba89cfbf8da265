"""Compute and print a person's daily G-Code: the data the dashboard shows (score, level, themes, program)."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.astro.ephemeris import EphemerisError
from core.astro.local_time import LocalTimeError
from core.management.arguments import parse_date
from core.models import User
from core.services.charts import MissingBirthData
from core.services.gcode import compute_daily_gcode, generate_patch_notes, local_today


class Command(BaseCommand):
    help = "Compute a person's G-Code for a date (default: today in their timezone) and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--date", type=parse_date, help="local date, YYYY-MM-DD (default: today)")
        parser.add_argument("--patch-notes", action="store_true", help="also write and print the patch notes")
        parser.add_argument("--json", action="store_true", help="print the stored record as JSON")

    def handle(self, *args, username: str, date: dt.date | None, patch_notes: bool, json: bool, **options) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named “{username}”.")
        date = date or local_today(user)
        try:
            record = compute_daily_gcode(user, date)
            notes = generate_patch_notes(user, date) if patch_notes else []
        except (MissingBirthData, EphemerisError, LocalTimeError) as exc:
            raise CommandError(str(exc)) from exc
        if json:
            self.stdout.write(as_json(record, notes))
            return
        self.stdout.write(f"{user.username} · {record.date} ({user.schedule_timezone})")
        self.stdout.write(f"G-Code: {record.score} ({record.level})")
        self.stdout.write(f"Themes: {' '.join(record.themes)}")
        self.stdout.write("Program:")
        for line in record.program.splitlines():
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Written by: {record.get_engine_display()}{fallback_note(record.fallback_reason)}")
        for note in notes:
            self.stdout.write(f"\n--- Patch notes {note.version} for {note.get_platform_display()} ---\n{note.body}")


def fallback_note(reason: str) -> str:
    return f" (Gemini not used: {reason})" if reason else ""


def as_json(record, notes) -> str:
    data = {
        "user": record.user.username, "date": record.date.isoformat(), "score": record.score, "level": record.level,
        "themes": record.themes, "program": record.program.splitlines(), "interpretation": record.interpretation,
        "affirmation": record.affirmation, "guidance": record.guidance, "engine": record.engine,
        "model": record.model, "fallback_reason": record.fallback_reason,
        "patch_notes": {n.platform: n.body for n in notes},
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2)
