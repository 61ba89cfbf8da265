"""Request middleware: pages speak in the signed-in person's own timezone."""

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone


class PersonTimezoneMiddleware:
    """Activate the person's schedule zone, so every datetime a template shows is their local time.

    Anonymous visitors see the server's zone (settings.TIME_ZONE).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.schedule_timezone:
            timezone.activate(zoneinfo.ZoneInfo(user.schedule_timezone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
