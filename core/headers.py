"""Response headers every page gets: what the browser may use, and that personal pages are not kept."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivacyHeadersMiddleware:
    """Adds Permissions-Policy to every response; a signed-in person's pages are `private, no-store`.

    A shared computer's browser cache or a proxy must not keep someone's chart, notes or export
    after they log out; anonymous pages (login, register, static files) may be cached as usual.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
