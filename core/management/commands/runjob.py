"""Run one scheduled job now, by hand: to recompute a person's day, finish a partial run, or
clean up early. Refused while the same job runs for the same slot in another process."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.management.arguments import parse_date
from core.models import User
from core.runs import RunInProgress
from core.schedule import JOBS
from core.scheduler import run_now


class Command(BaseCommand):
    help = "Run a job now: daily_gcode, patch_notes or cleanup."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", choices=sorted(JOBS))
        parser.add_argument("--user", help="only this person (per-person jobs)")
        parser.add_argument("--date", type=parse_date, help="local date, YYYY-MM-DD (default: today in each zone)")

    def handle(self, *args, name: str, user: str | None, date: dt.date | None, **options) -> None:
        if user and not User.objects.filter(username=user).exists():
            raise CommandError(f"No user named “{user}”.")
        if (user or date) and not JOBS[name].per_user_zone:
            raise CommandError(f"{name} takes no --user or --date.")
        try:
            runs = run_now(name, username=user, date=date)
        except RunInProgress as busy:
            raise CommandError(str(busy)) from busy
        if not runs:
            self.stdout.write("Nothing to do.")
        for run in runs:
            self.stdout.write(f"{run.job} {run.slot}: {run.status}, {run.users_done} done, {run.users_failed} failed")
            if run.error_text and options["verbosity"] > 1:
                self.stdout.write(run.error_text)
        if any(run.status not in ("succeeded",) for run in runs):
            raise CommandError("Not every run succeeded; see the error text above or in the admin.")
