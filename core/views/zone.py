"""The one-click switch of the dashboard's banner: live by the browser's timezone."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.generic import View

from core.forms import ScheduleZoneForm
from core.services.zone import move_to_zone
from core.views.signed_in import SignedInRequest


class ScheduleZoneView(View):
    """POST zone=<IANA name>: make it the person's schedule zone."""

    http_method_names = ["post"]

    def post(self, request: SignedInRequest) -> HttpResponse:
        form = ScheduleZoneForm(request.POST)
        if not form.is_valid():
            messages.error(request, "That timezone is not known here; choose yours in Settings.")
            return redirect("home")
        zone = form.cleaned_data["schedule_timezone"]
        if move_to_zone(request.user, zone):
            messages.success(request, f"Your day now follows {zone}: the G-Code runs at 04:00 there.")
        return redirect("home")
