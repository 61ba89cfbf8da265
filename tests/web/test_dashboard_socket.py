"""The dashboard WebSocket through Channels' communicator."""

import asyncio
import json

import pytest
from autobahn.exception import Disconnected
from channels.layers import get_channel_layer

from core.consumers import CLOSE_FORBIDDEN_ORIGIN, CLOSE_UNAUTHENTICATED, DashboardConsumer, user_group
from tests.support.sockets import ORIGIN, close_code, communicator, session_cookie_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_anonymous_socket_is_refused_with_a_code_the_browser_sees():
    assert asyncio.run(close_code(communicator(ORIGIN))) == CLOSE_UNAUTHENTICATED


def test_a_foreign_origin_is_refused(owner):
    cookie = session_cookie_for(owner)

    code = asyncio.run(close_code(communicator((b"origin", b"http://evil.example"), cookie)))

    assert code == CLOSE_FORBIDDEN_ORIGIN


def test_a_logged_in_person_connects_and_gets_a_pong(owner):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie)
        connected, _ = await ws.connect()
        await ws.send_to(text_data=json.dumps({"type": "ping"}))
        reply = await ws.receive_json_from(timeout=2)
        await ws.disconnect()
        return connected, reply

    connected, reply = asyncio.run(scenario())
    assert connected
    assert reply == {"type": "pong"}


@pytest.mark.parametrize(
    ("message", "detail"),
    [
        ("not json{", "Malformed JSON."),
        (json.dumps([1, 2]), "Send a JSON object"),
        ("[" * 2000 + "]" * 2000, "Message nested too deeply."),
        ('{"type": {"a": {"b": {"c": {"d": 1}}}}}', "Message nested too deeply."),
        (json.dumps({"type": "rm -rf"}), "Unknown message type"),
        ("x" * 5000, "Message too large."),
    ],
)
def test_malformed_messages_get_an_error_event_and_the_socket_stays_open(owner, message, detail):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie)
        await ws.connect()
        await ws.send_to(text_data=message)
        error = await ws.receive_json_from(timeout=2)
        await ws.send_to(text_data=json.dumps({"type": "ping"}))
        pong = await ws.receive_json_from(timeout=2)
        await ws.disconnect()
        return error, pong

    error, pong = asyncio.run(scenario())
    assert error["type"] == "error"
    assert error["detail"].startswith(detail)
    assert pong == {"type": "pong"}


def test_binary_frames_get_an_error_event(owner):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie)
        await ws.connect()
        await ws.send_to(bytes_data=b"\x00\x01")
        error = await ws.receive_json_from(timeout=2)
        await ws.disconnect()
        return error

    assert asyncio.run(scenario())["type"] == "error"


def test_events_reach_only_their_owner(owner, stranger):
    owner_cookie, stranger_cookie = session_cookie_for(owner), session_cookie_for(stranger)

    async def scenario():
        mine, theirs = communicator(ORIGIN, owner_cookie), communicator(ORIGIN, stranger_cookie)
        await mine.connect()
        await theirs.connect()
        payload = {"type": "gcode.updated", "score": 64}
        await get_channel_layer().group_send(user_group(owner.pk), {"type": "dashboard.event", "payload": payload})
        received = await mine.receive_json_from(timeout=2)
        stranger_got_nothing = await theirs.receive_nothing(timeout=0.3)
        await mine.disconnect()
        await theirs.disconnect()
        return received, stranger_got_nothing

    received, stranger_got_nothing = asyncio.run(scenario())
    assert received == {"type": "gcode.updated", "score": 64}
    assert stranger_got_nothing


def test_events_sent_while_the_socket_connects_arrive_after_it_is_accepted_in_order(owner):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie)
        await ws.connect()
        layer = get_channel_layer()
        for n in range(3):
            await layer.group_send(user_group(owner.pk), {"type": "dashboard.event", "text": json.dumps({"n": n})})
        received = [await ws.receive_json_from(timeout=2) for _ in range(3)]
        await ws.disconnect()
        return received

    assert asyncio.run(scenario()) == [{"n": 0}, {"n": 1}, {"n": 2}]


def test_a_relayed_event_that_breaks_is_logged_and_closes_the_socket_as_daphne_would(owner, caplog):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie)
        await ws.connect()
        await get_channel_layer().group_send(user_group(owner.pk), {"type": "dashboard.event"})  # no text, no payload
        closed = await ws.receive_output(timeout=2)
        await ws.disconnect()
        return closed

    closed = asyncio.run(scenario())
    assert closed == {"type": "websocket.close", "code": 1011}
    assert "relaying an event to socket" in caplog.text


def test_an_event_for_a_socket_the_browser_just_left_is_dropped_without_an_error(owner, caplog, monkeypatch):
    async def browser_gone(self, event):
        raise Disconnected("Attempt to send on a closed protocol")  # as daphne's protocol says once closed

    monkeypatch.setattr(DashboardConsumer, "dashboard_event", browser_gone)
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie)
        await ws.connect()
        await get_channel_layer().group_send(user_group(owner.pk), {"type": "dashboard.event", "text": "{}"})
        nothing_sent = await ws.receive_nothing(timeout=0.5)
        await ws.disconnect()
        return nothing_sent

    assert asyncio.run(scenario())
    assert "relaying an event to socket" not in caplog.text
