"""Staff only: the scheduler's jobs, their last runs, and "run now"."""

import logging
import threading

from django.contrib import messages
from django.db import connections, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from core.models import JobRun
from core.runs import HEARTBEAT_STALE, RunInProgress
from core.schedule import JOBS
from core.scheduler import get_scheduler_jobs, run_now

log = logging.getLogger("core.scheduler")


class StaffOnlyMixin(View):
    """Staff pages are not there at all for others (404, not 403: nothing to discover)."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if not request.user.is_staff:
            raise Http404("No such page.")
        return super().dispatch(request, *args, **kwargs)


class JobsView(StaffOnlyMixin, TemplateView):
    template_name = "core/jobs.html"

    def get_context_data(self, **kwargs) -> dict:
        runs = JobRun.objects.exclude(job="recalculate")[:30]
        stale_seconds = round(HEARTBEAT_STALE.total_seconds())
        return super().get_context_data(jobs=get_scheduler_jobs(), runs=runs, stale_seconds=stale_seconds, **kwargs)


def run_in_background(name: str) -> None:
    try:
        run_now(name)
    except RunInProgress as busy:
        log.info("run now of %s skipped: %s", name, busy)  # the run already going does the work
    finally:
        connections.close_all()  # this thread ends here


class RunJobView(StaffOnlyMixin, View):
    """POST: start a job now, in the background; the jobs page shows its run."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, name: str) -> HttpResponse:
        if name not in JOBS:
            raise Http404("No such job.")
        running = JobRun.objects.running().filter(job=name).first()
        if running is not None:
            messages.error(request, f"{name} is already running ({running.slot}).")
            return redirect("staff-jobs")
        thread = threading.Thread(target=run_in_background, args=(name,), name=f"run-now-{name}", daemon=True)
        transaction.on_commit(thread.start)
        messages.success(request, f"{JOBS[name].title} started.")
        return redirect("staff-jobs")
