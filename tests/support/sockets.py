"""The dashboard socket through Channels' communicator, as a signed-in browser opens it."""

from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from gcode_site.asgi import application

ORIGIN = (b"origin", b"http://localhost")


def session_cookie_for(user) -> tuple[bytes, bytes]:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode())


def communicator(*headers: tuple[bytes, bytes]) -> WebsocketCommunicator:
    return WebsocketCommunicator(application, "/ws/dashboard/", headers=list(headers))


async def close_code(ws: WebsocketCommunicator) -> int:
    """The code a refused socket is closed with: accepted first, so a browser sees the code itself."""
    connected, code = await ws.connect()
    if not connected:
        return code
    closing = await ws.receive_output(timeout=2)
    assert closing["type"] == "websocket.close"
    return closing["code"]
