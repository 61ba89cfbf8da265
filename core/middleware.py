"""Request middleware: the health probe answered early, and pages in the signed-in person's own timezone."""

import zoneinfo
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from core.views.health import healthz

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answers `/healthz` before the session, the user, CSRF and messages are looked at.

    A load balancer probes it several times a second; it needs none of them (no cookie is read, nothing is
    written, only GET and HEAD are accepted). It sits after the security and policy headers middleware, so
    the probe's answer carries the same headers as every page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == HEALTH_PATH:
            return healthz(request)
        return self.get_response(request)


class PersonTimezoneMiddleware:
    """Activate the person's schedule zone, so every datetime a template shows is their local time.

    Anonymous visitors see the server's zone (settings.TIME_ZONE). The person is loaded here (their zone), so
    `request.user` becomes them rather than Django's lazy stand-in, as `login()` leaves it: each attribute the
    page reads no longer goes through the stand-in (about a microsecond each, and a kept page reads dozens).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if isinstance(user, SimpleLazyObject):
            stand_in: Any = user
            stand_in.is_authenticated  # noqa: B018  (loads the person, or AnonymousUser)
            request.user = user = stand_in._wrapped
        if user is not None and user.is_authenticated and user.schedule_timezone:
            timezone.activate(zoneinfo.ZoneInfo(user.schedule_timezone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
