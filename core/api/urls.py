"""The API's URLs, open to requests without a session: each operation authenticates on its own."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, path
from django.views.generic import TemplateView

from core.api.endpoints import api


def open_to_api_clients(patterns: list) -> list:
    """Exempt the API's views from the site's login redirect: a token client must get 401, not a login page."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            open_to_api_clients(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            login_not_required(pattern.callback)
    return patterns


api_patterns, api_app, api_namespace = api.urls
urlpatterns = [
    path("", (open_to_api_clients(api_patterns), api_app, api_namespace)),
    path(
        "docs/",
        login_not_required(TemplateView.as_view(template_name="core/api_docs.html")),
        name="api-docs",
    ),
]
