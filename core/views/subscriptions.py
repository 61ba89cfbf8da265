"""The private calendar and feed URLs: reached by a secret token instead of a session, read-only, cacheable."""

import datetime as dt

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_GET

from core.feeds import PatchNotesFeed, blog_notes
from core.services.calendar import calendar_body, calendar_version
from core.services.gcode import local_today
from core.services.tokens import person_by_url_token


def with_validators(response: HttpResponse, etag: str, last_modified: dt.datetime) -> HttpResponse:
    response["ETag"] = quote_etag(etag)
    response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = "private, no-cache"  # revalidate each time: a revoked URL must stop at once
    return response


def conditional(request: HttpRequest, etag: str, last_modified: dt.datetime) -> HttpResponse | None:
    """304 when the client has this version already."""
    response = get_conditional_response(request, etag=quote_etag(etag), last_modified=int(last_modified.timestamp()))
    return with_validators(response, etag, last_modified) if response is not None else None


@login_not_required
@require_GET
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    person = person_by_url_token("calendar", token)
    if person is None:
        raise Http404("No such calendar.")
    today = local_today(person)
    version = calendar_version(person, today)
    if (not_modified := conditional(request, version.etag, version.last_modified)) is not None:
        return not_modified
    response = HttpResponse(calendar_body(person, today, version), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="g-code.ics"'
    return with_validators(response, version.etag, version.last_modified)


@login_not_required
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    person = person_by_url_token("feed", token)
    if person is None:
        raise Http404("No such feed.")
    latest = blog_notes(person).aggregate(n=Count("id"), at=Max("written_at"))
    last_modified = (latest["at"] or person.date_joined).replace(microsecond=0)
    etag = f"feed-{person.pk}-{latest['n']}-{last_modified.timestamp():.0f}"
    if (not_modified := conditional(request, etag, last_modified)) is not None:
        return not_modified
    return with_validators(PatchNotesFeed()(request, token=token), etag, last_modified)
