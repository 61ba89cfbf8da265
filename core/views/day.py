"""A day's reading: the page for any readable date, and the fragment a live update fetches."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.gauge import gauge_svg
from core.models import DailyGCode, DayNote
from core.services.gcode import local_today
from core.services.reading import DayOutOfRange, day_reading, explanation, readable_span
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest


def reading_context(record: DailyGCode, today: dt.date) -> dict:
    """What the one reading template needs, for the dashboard, the day page and the fragment alike."""
    return {
        "record": record, "facts": record.day_facts, "gauge": gauge_svg(record.score, record.level),
        "explained": explanation(record), "today": today,
    }  # fmt: skip


class DayView(BirthDataRequiredMixin, TemplateView):
    """/day/YYYY-MM-DD/: the full reading of a date; an htmx request gets the reading alone."""

    request: SignedInRequest

    template_name = "core/day.html"

    def get_template_names(self) -> list[str]:
        return ["core/_reading.html"] if self.request.headers.get("HX-Request") else [self.template_name]

    def get_context_data(self, **kwargs) -> dict:
        user, date = self.request.user, kwargs["date"]
        first, last = readable_span(user)
        try:
            record = day_reading(user, date, (first, last))
        except DayOutOfRange as out:
            raise Http404(str(out)) from out
        one = dt.timedelta(days=1)
        return super().get_context_data(
            **reading_context(record, local_today(user)), note=DayNote.objects.filter(user=user, date=date).first(),
            previous=date - one if date > first else None, following=date + one if date < last else None, **kwargs,
        )  # fmt: skip


@require_GET
def gcode_doc(request: HttpRequest) -> HttpResponse:
    """The score's formula (docs/gcode.md) as a page, so the "why this score" link reaches a person."""
    text = (Path(settings.BASE_DIR) / "docs" / "gcode.md").read_text(encoding="utf-8")
    return render(request, "core/gcode_doc.html", {"text": text})
