"""Run the scheduler alone, in the foreground: for installations that serve from several
processes (set SCHEDULER_AUTOSTART=false there) or that want jobs apart from the web server."""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from core.scheduler.live import LiveScheduler


class Command(BaseCommand):
    help = "Run the job scheduler in the foreground until SIGTERM or Ctrl-C."

    def handle(self, *args, **options) -> None:
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
        scheduler = LiveScheduler()
        if not scheduler.start():
            assert scheduler.lock is not None  # start() took one
            raise CommandError(f"Another process runs the scheduler ({scheduler.lock.holder()}).")
        self.stdout.write("Scheduler running; SIGTERM or Ctrl-C stops it.")
        stopping.wait()
        scheduler.stop()
        self.stdout.write("Scheduler stopped.")
