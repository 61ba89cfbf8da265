"""Response headers every page gets: what the browser may use, and that personal pages are not kept."""

import http
from collections.abc import Callable

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers

# What a view may set on its response to change the policy for itself (django-csp's decorators).
PER_RESPONSE_POLICY = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro",
                       "_csp_replace_ro", "_csp_exempt", "_csp_exempt_ro")  # fmt: skip


class PolicyHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's own policy built once instead of on every response.

    A response that changes its policy (`csp_update`, `csp_exempt`...) or a request that used a nonce
    goes through django-csp unchanged.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        super().__init__(get_response)
        self.policy = build_policy()
        self.policy_report_only = build_policy(report_only=True)
        configs = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {},
                   getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {})  # fmt: skip
        self.excludes_paths = any(config.get("EXCLUDE_URL_PREFIXES") for config in configs)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        custom = getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in PER_RESPONSE_POLICY
        )
        debug_page = settings.DEBUG and response.status_code in (http.HTTPStatus.NOT_FOUND, 500)
        if custom or debug_page or self.excludes_paths:
            return super().process_response(request, response)
        if self.policy:
            response.headers.setdefault(HEADER, self.policy)
        if self.policy_report_only:
            response.headers.setdefault(HEADER_REPORT_ONLY, self.policy_report_only)
        # As django-csp does: a nonce asked for after the header was written is an error, not a silent miss.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]  # django-csp's own request attribute
        return response


class PrivacyHeadersMiddleware:
    """Adds Permissions-Policy to every response; a signed-in person's pages are `private, no-store`.

    A shared computer's browser cache or a proxy must not keep someone's chart, notes or export
    after they log out; anonymous pages (login, register, static files) may be cached as usual.
    It only looks at the request on the way out (after the session and the user were read inside).
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
