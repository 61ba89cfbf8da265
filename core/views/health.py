"""Liveness probe for load balancers and uptime monitors."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers a query, 503 otherwise; HEAD too, as many monitors probe with it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.error("Health check failed: database unreachable: %s", exc)
        return sized(JsonResponse({"status": "error", "database": "unreachable"}, status=503))
    return sized(JsonResponse({"status": "ok", "database": "ok"}))


def sized(response: JsonResponse) -> JsonResponse:
    """With its length, as CommonMiddleware would give it: the probe is answered before that middleware."""
    response["Content-Length"] = str(len(response.content))
    return response
