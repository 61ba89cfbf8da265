"""A day's reading: the page for any readable date, and the fragment a live update fetches."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.gauge import gauge_svg
from core.models import DailyGCode, DayNote
from core.services.gcode import local_today
from core.services.reading import DayOutOfRange, computed_day, explanation, readable_span, stored_day
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest

READING_CACHE_SECONDS = 24 * 3600  # a key names one version of a record: the time only bounds the memory


def reading_cache_key(record: DailyGCode, today: dt.date, zone: str) -> str | None:
    """Where a stored record's rendered reading is kept; None for a day computed now and not stored.

    The key holds everything the rendering reads besides the record's own fields: the record (its
    person, its id and the moment it was last written, so a recalculation or new birth data makes a
    new key), whether it is today's, and the zone named beside its time."""
    if record.pk is None:
        return None
    written = record.written_at.isoformat()
    return f"reading:1:{record.user_id}:{record.pk}:{written}:{int(record.date == today)}:{zone}"


def rendered_reading(record: DailyGCode, today: dt.date, user) -> SafeString:
    """The reading's HTML: rendered once per version of a stored record, every time for a computed day."""
    key = reading_cache_key(record, today, user.schedule_timezone)
    html = cache.get(key) if key else None
    if html is None:
        html = render_to_string("core/_reading_body.html", {
            "record": record, "facts": record.day_facts, "gauge": gauge_svg(record.score, record.level),
            "explained": explanation(record), "today": today, "user": user,
        })  # fmt: skip
        if key:
            cache.set(key, html, READING_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308  (our own template's output)


def reading_context(record: DailyGCode, today: dt.date, user) -> dict:
    """What the one reading template needs, for the dashboard, the day page and the fragment alike."""
    return {"record": record, "today": today, "reading_html": rendered_reading(record, today, user)}


class DayView(BirthDataRequiredMixin, TemplateView):
    """/day/YYYY-MM-DD/: the full reading of a date; an htmx request gets the reading alone."""

    request: SignedInRequest

    template_name = "core/day.html"

    def get_template_names(self) -> list[str]:
        return ["core/_reading.html"] if self.request.headers.get("HX-Request") else [self.template_name]

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user, date = self.request.user, kwargs["date"]  # signed in: the mixin has checked
        self.span = readable_span(user)
        try:
            stored = stored_day(user, date, self.span)
        except DayOutOfRange as out:
            raise Http404(str(out)) from out
        self.today = local_today(user)
        if stored is None and date == self.today and not self.request.headers.get("HX-Request"):
            return redirect("home")  # today's run starts there and shows its progress; it is not computed here
        self.record = stored or computed_day(user, date)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        (first, last), date, one = self.span, kwargs["date"], dt.timedelta(days=1)
        return super().get_context_data(
            **reading_context(self.record, self.today, self.request.user),
            note=DayNote.objects.filter(user=self.request.user, date=date).first(),
            previous=date - one if date > first else None, following=date + one if date < last else None, **kwargs,
        )  # fmt: skip


@require_GET
def gcode_doc(request: HttpRequest) -> HttpResponse:
    """The score's formula (docs/gcode.md) as a page, so the "why this score" link reaches a person."""
    text = (Path(settings.BASE_DIR) / "docs" / "gcode.md").read_text(encoding="utf-8")
    return render(request, "core/gcode_doc.html", {"text": text})
