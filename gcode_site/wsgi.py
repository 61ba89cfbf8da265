"""WSGI entry point (HTTP only; daphne serves the ASGI app with WebSockets)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcode_site.settings")
application = get_wsgi_application()
