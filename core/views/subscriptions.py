"""Reached by a secret instead of a session: the private calendar and feed URLs, and the email stop link."""

import datetime as dt

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.decorators import method_decorator
from django.utils.http import http_date, quote_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from django.views.generic import View

from core.feeds import PatchNotesFeed, blog_notes
from core.models import User
from core.services.calendar import calendar_body, calendar_version
from core.services.gcode import local_today
from core.services.morning_email import person_to_unsubscribe, unsubscribe
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


def person_or_404(kind: str, token: str) -> User:
    person = person_by_url_token(kind, token)
    if person is None:
        raise Http404(f"No such {kind}.")
    return person


@login_not_required
@require_GET
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    person = person_or_404("calendar", token)
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
    person = person_or_404("feed", token)
    latest = blog_notes(person).aggregate(n=Count("id"), at=Max("written_at"))
    last_modified = (latest["at"] or person.date_joined).replace(microsecond=0)
    etag = f"feed-{person.pk}-{latest['n']}-{last_modified.timestamp():.0f}"
    if (not_modified := conditional(request, etag, last_modified)) is not None:
        return not_modified
    return with_validators(PatchNotesFeed()(request, token=token), etag, last_modified)


@method_decorator([login_not_required, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """The morning email's signed stop link: GET asks, POST stops it (RFC 8058 one-click: no session, no CSRF token)."""

    template_name = "core/unsubscribe.html"

    def person(self, token: str) -> User:
        person = person_to_unsubscribe(token)
        if person is None:
            raise Http404("This link is not valid.")
        return person

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return render(request, self.template_name, {"person": self.person(token), "done": False})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        person = self.person(token)
        unsubscribe(person)
        return render(request, self.template_name, {"person": person, "done": True})
