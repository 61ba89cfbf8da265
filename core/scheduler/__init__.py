"""The in-process scheduler: daily G-Codes at 04:00 and patch notes at 05:00 in each person's
timezone, the cleanup on Sundays at 03:00 server time. See `live` for the running scheduler,
`sweep` for what it does and `inspection` for reading its state from any process.

This is the package's public door: pages and commands import from here, never a module inside.
What runs when is `core.schedule`; the runs it records are `core.runs`.
"""

from core.scheduler.inspection import get_scheduler_jobs
from core.scheduler.sweep import run_now

__all__ = ["get_scheduler_jobs", "run_now"]
