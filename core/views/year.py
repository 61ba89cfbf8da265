"""The year page: solar return, lunar return and secondary progressions, computed on request."""

from typing import Any

from django.views.generic import TemplateView

from core.forms import YearForm
from core.services.gcode import local_today
from core.services.year import (
    Where,
    birth_place,
    lunar_return_chart,
    moon_banner,
    progressions_on,
    solar_return_chart,
)
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest


class YearView(BirthDataRequiredMixin, TemplateView):
    """?year=2027&month=2027-03&on=2027-01-01&place=Lisbon; anything missing or invalid takes today's defaults."""

    request: SignedInRequest

    template_name = "core/year.html"

    def get_context_data(self, **kwargs) -> dict:
        user, today = self.request.user, local_today(self.request.user)
        defaults: dict[str, Any] = {"year": today.year, "month": today.replace(day=1), "on": today, "place": None}
        form = YearForm(self.request.GET or None, initial={**defaults, "place": ""})
        chosen = {**defaults, **form.cleaned_data} if form.is_bound and form.is_valid() else defaults
        place = chosen["place"]
        where = Where(place.label, place.latitude, place.longitude, place.timezone) if place else birth_place(user)
        progression = progressions_on(user, chosen["on"])
        return super().get_context_data(
            form=form, where=where,
            solar=solar_return_chart(user, chosen["year"], where),
            lunar=lunar_return_chart(user, chosen["month"], where),
            progression=progression, moon=moon_banner(progression, user.schedule_timezone), **kwargs,
        )  # fmt: skip
