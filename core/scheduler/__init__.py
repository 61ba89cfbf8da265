"""The in-process scheduler: daily G-Codes at 04:00 and patch notes at 05:00 in each person's
timezone, the cleanup on Sundays at 03:00 server time. See `live` for the running scheduler,
`sweep` for what it does and `inspection` for reading its state from any process."""

from core.scheduler.inspection import get_scheduler_jobs

__all__ = ["get_scheduler_jobs"]
