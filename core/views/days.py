"""The forecast ahead and the history behind, with day notes and a comparison of two ranges."""

import datetime as dt

from django.urls import reverse
from django.views.generic import TemplateView

from core.forms import DateRangeForm, DayNoteForm
from core.models import DayNote
from core.services.days import FORECAST_SPANS, cached_forecast, history, notes_between, summarize, summary_of
from core.services.gcode import local_today
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest

DEFAULT_HISTORY_DAYS = 90


class ForecastView(BirthDataRequiredMixin, TemplateView):
    """?days=7 or 30: scores and leading transits of the coming days, computed once a day per chart (cached)."""

    request: SignedInRequest

    template_name = "core/forecast.html"

    def get_context_data(self, **kwargs) -> dict:
        requested = self.request.GET.get("days", "7")
        days = int(requested) if requested in {str(n) for n in FORECAST_SPANS} else FORECAST_SPANS[0]
        start = local_today(self.request.user) + dt.timedelta(days=1)
        days_ahead = cached_forecast(self.request.user, start, days)
        return super().get_context_data(days=days, spans=FORECAST_SPANS, forecast=days_ahead, **kwargs)


class HistoryView(BirthDataRequiredMixin, TemplateView):
    """Past scores as a trend with the level bands, day notes as markers, and an optional comparison."""

    request: SignedInRequest

    template_name = "core/history.html"

    def get_context_data(self, **kwargs) -> dict:
        user, today = self.request.user, local_today(self.request.user)
        start, end = today - dt.timedelta(days=DEFAULT_HISTORY_DAYS - 1), today
        form = DateRangeForm(self.request.GET or None, initial={"start": start, "end": end})
        comparison = None
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["start"] or start, form.cleaned_data["end"] or end
            if form.cleaned_data["compare_start"]:
                comparison = summarize(user, form.cleaned_data["compare_start"], form.cleaned_data["compare_end"])
        records, notes = history(user, start, end), notes_between(user, start, end)
        if start <= today <= end:  # the usual range, which ends today: today's note is among those read
            todays_note = next((n for n in notes if n.date == today), None)
        else:
            todays_note = DayNote.objects.filter(user=user, date=today).first()
        series = {
            "labels": [r.date.isoformat() for r in records], "scores": [r.score for r in records],
            "notes": [{"date": n.date.isoformat(), "text": n.text} for n in notes],
            "day_url": reverse("day", args=["0000-00-00"]),  # a point opens its day: the date replaces the zeros
        }  # fmt: skip
        return super().get_context_data(
            form=form, start=start, end=end, records=records, notes=notes, series=series,
            summary=summary_of(records, start, end), comparison=comparison,
            note_form=DayNoteForm(initial={"date": today, "text": todays_note.text if todays_note else ""}), **kwargs,
        )  # fmt: skip
