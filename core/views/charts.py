"""The natal chart page, its downloadable wheel, and the place search behind the birth form."""

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView, View

from core.astro.chart_tables import page_tables
from core.astro.places import PlaceError, search_places
from core.ratelimit import within_rate
from core.services.charts import current_natal_chart, printed_wheel, printed_wheel_png
from core.services.natal_reading import natal_reading_for
from core.views.birth_data_required import BirthDataRequiredMixin
from core.views.signed_in import SignedInRequest

MAX_QUERY_LENGTH = 100
MAX_SUGGESTIONS = 8
SEARCHES_PER_MINUTE = 60  # a person typing a name makes a few; a scraper of the gazetteer makes thousands


class ChartView(BirthDataRequiredMixin, TemplateView):
    request: SignedInRequest
    template_name = "core/chart.html"

    def get_context_data(self, **kwargs) -> dict:
        record = current_natal_chart(self.request.user)
        reading = natal_reading_for(self.request.user, record)
        return super().get_context_data(
            record=record, chart=record.data, tables=page_tables(record.data), reading=reading, **kwargs
        )


@method_decorator(csp_update({"style-src": ["'unsafe-inline'"]}), name="dispatch")  # its own <style>: a file to keep
class ChartSvgView(BirthDataRequiredMixin, View):
    """The printable wheel (light, with a title block) as a file; the page shows the stored dark one."""

    request: SignedInRequest

    def get(self, request: SignedInRequest) -> HttpResponse:
        response = HttpResponse(printed_wheel(request.user), content_type="image/svg+xml; charset=utf-8")
        return offered_as_file(request, response, "svg")


class ChartPngView(BirthDataRequiredMixin, View):
    request: SignedInRequest

    def get(self, request: SignedInRequest) -> HttpResponse:
        return offered_as_file(request, HttpResponse(printed_wheel_png(request.user), content_type="image/png"), "png")


def offered_as_file(request: SignedInRequest, response: HttpResponse, extension: str) -> HttpResponse:
    if "download" in request.GET:
        response["Content-Disposition"] = f'attachment; filename="natal-chart-{request.user.username}.{extension}"'
    return response


@login_not_required  # the register page needs it; it answers from the public gazetteer, no account data
@require_GET
def place_search(request: HttpRequest) -> JsonResponse:
    """Place suggestions for the birth form: ?q=Lond → [{label, latitude, longitude, timezone}]."""
    if not within_rate(request, "place-search", SEARCHES_PER_MINUTE, 60):
        return JsonResponse({"error": "Too many searches; wait a minute."}, status=429, headers={"Retry-After": "60"})
    query = request.GET.get("q", "").strip()
    if not query or len(query) > MAX_QUERY_LENGTH:
        return JsonResponse({"error": f"Give a place name of 1 to {MAX_QUERY_LENGTH} characters in q."}, status=400)
    try:
        places = search_places(query, limit=MAX_SUGGESTIONS)
    except PlaceError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    results = [
        {"label": p.label, "latitude": p.latitude, "longitude": p.longitude, "timezone": p.timezone} for p in places
    ]
    return JsonResponse({"results": results})
