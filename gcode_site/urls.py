"""Top-level URLs: the admin, the API and the core app."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Named by its module, not imported: django-ninja builds the API (and pydantic its schema) in most of a
    # second, which a server's start-up no longer waits for. The first reverse() or /api/ request loads it.
    path("api/", ("core.api.urls", None, None)),  # type: ignore[arg-type]  # a module name Django loads when first used
    path("", include("core.urls")),
]
