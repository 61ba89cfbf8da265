"""Events sent from outside the server's event loop: a plain thread, like the scheduler's, and no server at all."""

import asyncio
import threading
import time

import pytest
from channels.testing import WebsocketCommunicator

from core import events
from core.events import deliver, user_group
from gcode_site.asgi import application
from tests.support.sockets import ORIGIN, session_cookie_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_event_sent_from_a_plain_thread_arrives_within_a_second(owner, stranger):
    owner_cookie, stranger_cookie = session_cookie_for(owner), session_cookie_for(stranger)

    async def scenario():
        mine = WebsocketCommunicator(application, "/ws/dashboard/", headers=[ORIGIN, owner_cookie])
        theirs = WebsocketCommunicator(application, "/ws/dashboard/", headers=[ORIGIN, stranger_cookie])
        assert (await mine.connect())[0]
        assert (await theirs.connect())[0]
        sent = {}

        def job() -> None:  # a plain thread, as the scheduler's: no sync_to_async anywhere
            sent["at"] = time.monotonic()
            sent["handed_over"] = deliver(user_group(owner.pk), {"type": "gcode.new", "score": 42})

        threading.Thread(target=job).start()
        message = await mine.receive_json_from(timeout=1)
        latency = time.monotonic() - sent["at"]
        nothing_for_stranger = await theirs.receive_nothing(timeout=0.3)
        await mine.disconnect()
        await theirs.disconnect()
        return message, latency, sent["handed_over"], nothing_for_stranger

    message, latency, handed_over, nothing_for_stranger = asyncio.run(scenario())
    assert message["type"] == "gcode.new"
    assert message["score"] == 42
    assert handed_over
    assert latency < 1.0
    assert nothing_for_stranger


def test_without_a_server_in_the_process_an_in_memory_event_is_skipped(owner, settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    events.forget_server_loop()
    assert deliver(user_group(owner.pk), {"type": "gcode.new"}) is False
