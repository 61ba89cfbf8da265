"""The bench's reference: a bare Django view (no middleware, no database, no apps) under the same daphne.

`bench_web.py` serves `bench.bare_asgi:application` with these settings; it is never part of the site.
"""

import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

SECRET_KEY = "bench-only-bare-view"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
ROOT_URLCONF = "bench.bare_settings"
USE_TZ = True
# The site's handler (core/request_threads.py) with as many request threads as the site has by default.
REQUEST_THREADS = int(os.environ.get("REQUEST_THREADS", "4"))


def bare(request: HttpRequest) -> HttpResponse:
    body = b'{"status": "ok"}'
    return HttpResponse(body, content_type="application/json", headers={"Content-Length": str(len(body))})


urlpatterns = [path("bare", bare)]
