"""The dashboard: today's G-Code, the recalculate button, a run's status, and day notes."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import TemplateView, View

from core.forms import DayNoteForm
from core.models import DailyGCode, DayNote, JobRun, User
from core.runs import progress_event
from core.services.charts import chart_fingerprint
from core.services.days import save_day_note
from core.services.gcode import local_today
from core.services.recalculate import live_recalculation, start_recalculation
from core.services.year import progressed_moon_banner
from core.throttle import cool_down
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.day import reading_context
from core.views.kept_page import can_keep, kept_page, page_key
from core.views.signed_in import SignedInRequest

MAX_NEXT_LENGTH = 2000  # Django refuses to redirect to a URL longer than 2,048 characters


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@dataclass(frozen=True)
class DayVersion:
    """Which version of a person's stored day a page would show: the record, when it was written, the note."""

    record_id: int
    written_at: object  # the column as the database gives it: only compared, never shown
    note_text: str | None


def day_version(user: User, date: dt.date) -> DayVersion | None:
    """The stored day's version and its note in one short query; None when the day is not stored.

    Written as SQL: the ORM took about 1 ms to build this query (a join and three columns), a third of a
    kept dashboard's request, and the database answers it in a few dozen microseconds."""
    gcode, note = DailyGCode._meta.db_table, DayNote._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT g.id, g.written_at, n.text FROM {gcode} g LEFT JOIN {note} n"  # noqa: S608  (our table names)
            " ON n.user_id = g.user_id AND n.date = g.date WHERE g.user_id = %s AND g.date = %s",
            [user.pk, date],
        )
        row = cursor.fetchone()
    return DayVersion(*row) if row else None


class DashboardView(BirthDataRequiredMixin, TemplateView):
    """Today's stored reading; before it is stored, the run that writes it (started by the page) and its progress.

    With today's reading stored, the page is kept per version of all it shows (`core/views/kept_page.py`)."""

    request: SignedInRequest
    template_name = "core/dashboard.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = self.request.user
        self.today = today = local_today(user)
        self.version = version = day_version(user, today)
        if version is None or "run" in request.GET or not can_keep(request):
            return super().get(request, *args, **kwargs)
        key = page_key("dashboard", user, (today, version, chart_fingerprint(user)))
        return kept_page(request, key, lambda csrf_token: render_to_string(
            self.template_name, self.get_context_data(csrf_token=csrf_token, **kwargs), request
        ))  # fmt: skip

    def get_context_data(self, **kwargs) -> dict:
        user, today, version = self.request.user, self.today, self.version
        # The record may have gone since its version was read (an account deleted): then the page waits for a run.
        record = DailyGCode.objects.filter(pk=version.record_id).first() if version else None
        if record and version:
            run, note_text = None, version.note_text
        else:
            # Nothing is computed here: without a stored day the page starts the run by POST (a GET writes nothing).
            run = live_recalculation(user, today)
            note_text = DayNote.objects.filter(user=user, date=today).values_list("text", flat=True).first()
        return super().get_context_data(
            **(reading_context(record, today, user) if record else {"today": today}),
            run_id=run.pk if run else self.request.GET.get("run", ""),
            note_form=DayNoteForm(initial={"date": today, "text": note_text or ""}),
            progressed_moon=progressed_moon_banner(user, today), **kwargs,
        )  # fmt: skip


class RecalculateView(BirthDataRequiredMixin, View):
    """POST: recompute today now; answers with the run to watch (JSON for the page's script).

    A run already going is given back; a new one starts at most once per interval per person."""

    request: SignedInRequest

    http_method_names = ["post"]

    def post(self, request: SignedInRequest) -> HttpResponse:
        run = live_recalculation(request.user)
        if run is None:
            if not cool_down(f"recalculate:{request.user.pk}", settings.RECALCULATE_INTERVAL_SECONDS):
                busy = "You recalculated a moment ago; try again in a few seconds."
                if wants_json(request):
                    return JsonResponse({"error": busy}, status=429)
                messages.error(request, busy)
                return redirect("home")
            run, _ = start_recalculation(request.user)
        if wants_json(request):
            return JsonResponse({"run": run.pk, "progress": reverse("run-status", args=[run.pk])}, status=202)
        return redirect(f"{reverse('home')}?run={run.pk}")


class RunStatusView(View):
    """GET: a run's progress snapshot, for its owner (or staff) only."""

    http_method_names = ["get"]

    def get(self, request: SignedInRequest, pk: int) -> JsonResponse:
        run = JobRun.objects.filter(pk=pk).first()
        if run is None or not (request.user.is_staff or run.user_id == request.user.pk):
            raise Http404("No such run.")
        return JsonResponse(progress_event(run))


class DayNoteView(View):
    """POST: attach, replace or remove the note on a day."""

    http_method_names = ["post"]

    def post(self, request: SignedInRequest) -> HttpResponse:
        form = DayNoteForm(request.POST)
        back = request.POST.get("next") or reverse("home")
        # Checked before anything is saved: a redirect Django refuses (too long) would answer 400 after the save.
        if not back.startswith("/") or back.startswith("//") or len(back) > MAX_NEXT_LENGTH:
            back = reverse("home")
        if not form.is_valid():
            errors = "; ".join(str(e) for field_errors in form.errors.values() for e in field_errors)
            if wants_json(request):
                return JsonResponse({"errors": form.errors}, status=400)
            messages.error(request, f"The note was not saved: {errors}")
            return redirect(back)
        date: dt.date = form.cleaned_data["date"]
        existing = DayNote.objects.filter(user=request.user, date=date).first()
        if existing and not form.cleaned_data["text"].strip() and not form.cleaned_data["confirm_delete"]:
            if wants_json(request):
                return JsonResponse({"error": "Confirm the removal with confirm_delete=true."}, status=409)
            return render(request, "core/day_note_confirm.html", {"note": existing, "next": back})
        note = save_day_note(request.user, date, form.cleaned_data["text"])
        messages.success(request, f"Note for {date:%Y-%m-%d} {'saved' if note else 'removed'}.")
        return redirect(back)
