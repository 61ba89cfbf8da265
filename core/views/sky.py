"""The solar system today, with the day's transits to the person's chart beside it."""

from django.utils import timezone
from django.views.generic import TemplateView

from core.astro.solar_system import heliocentric_planets, render_solar_system
from core.services.gcode import local_today
from core.services.reading import day_reading
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest


class SolarSystemView(BirthDataRequiredMixin, TemplateView):
    request: SignedInRequest
    template_name = "core/solar_system.html"

    def get_context_data(self, **kwargs) -> dict:
        now = timezone.now()
        planets = heliocentric_planets(now)
        record = day_reading(self.request.user, local_today(self.request.user))  # stored, or computed and not saved
        return super().get_context_data(
            now=now, planets=planets, svg=render_solar_system(planets, f"The solar system at {now:%Y-%m-%d %H:%M} UT"),
            transits=record.day_facts.transits, **kwargs,
        )  # fmt: skip
