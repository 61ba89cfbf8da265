"""ASGI entry of the bench's bare Django view (see bare_settings.py), under the site's own handler.

The site serves HTTP with `core.request_threads` (Django's handler with long-lived request threads), so the
bare view does too: the ratio of the two then measures the site's middleware and database, not a handler.
"""

import gc
import os

from core.request_threads import get_asgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare_settings"
application = get_asgi_application()
gc.freeze()  # as the site does at the end of its start-up (gcode_site/asgi.py)
