"""Liveness probe for load balancers and uptime monitors."""

import json
import logging

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

# The two answers, encoded once: a load balancer asks several times a second.
OK = json.dumps({"status": "ok", "database": "ok"}).encode()
UNREACHABLE = json.dumps({"status": "error", "database": "unreachable"}).encode()
# What `never_cache` writes, without parsing and rewriting the header on every probe. (It adds an `Expires`
# of the current moment too, for HTTP/1.0 caches; `no-store` is what every cache since obeys.)
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


@login_not_required
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 otherwise; HEAD too, as many monitors probe with it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        log.error("Health check failed: database unreachable: %s", exc)
        return answer(UNREACHABLE, 503)
    return answer(OK, 200)


def answer(body: bytes, status: int) -> HttpResponse:
    """JSON with its length, as CommonMiddleware would give it (the probe is answered before that middleware)."""
    headers = {"Content-Length": str(len(body)), "Cache-Control": NEVER_CACHE}
    return HttpResponse(body, status=status, content_type="application/json", headers=headers)
