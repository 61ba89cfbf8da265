"""ASGI entry point: HTTP and WebSockets (session auth; the consumers check the Origin, scheme and port)."""

import gc
import os

# Django's handler, with long-lived request threads: each keeps its database connection between requests.
from core.request_threads import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcode_site.settings")
django_asgi_app = get_asgi_application()

# Imported after Django is set up: the routing pulls in models through the consumers.
from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

# Load the URLconf now: Django resolves the first request's URL inside the event loop, where a first-time
# import of it would stall every connection for a moment. (The API's module is loaded later, by the first
# page's reverse() in a view's thread or the first /api/ request.)
import gcode_site.urls  # noqa: E402, F401
from core.events import LoopRecordingApplication  # noqa: E402
from core.routing import websocket_urlpatterns  # noqa: E402
from core.socket_backpressure import bound_daphne_sockets  # noqa: E402

# Daphne imports this module before it starts listening: its sockets get bounded queues.
bound_daphne_sockets()

# The wrapper remembers daphne's event loop, so jobs in the scheduler's thread can hand it events.
application = LoopRecordingApplication(
    ProtocolTypeRouter(
        {
            "http": django_asgi_app,
            "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns)),
        }
    )
)

# What is loaded by now lives as long as the process: kept out of the garbage collector's full collections,
# which then scan only what came since. Under load they run every second or so (the server leaves reference
# cycles behind with each request), and over this heap each one held every thread for 70-180 ms. (A collection
# first found nothing to free here, and cost 0.1 s of start-up.)
gc.freeze()
