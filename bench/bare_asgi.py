"""ASGI entry of the bench's bare Django view (see bare_settings.py)."""

import os

from django.core.asgi import get_asgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare_settings"
application = get_asgi_application()
