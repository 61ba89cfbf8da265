"""Sockets within limits: origin with scheme and port, a message budget, a cap per person, and
sockets that end with the session (logout, new password, deleted account)."""

import asyncio
import json

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from core.consumers import (
    CLOSE_OVER_BUDGET,
    CLOSE_SESSION_CHANGED,
    CLOSE_TOO_MANY_SOCKETS,
    CLOSE_UNAUTHENTICATED,
)
from core.services.account import delete_account
from core.socket_limits import TokenBucket, json_depth, origin_allowed
from tests.support.people import PASSWORD
from tests.support.sockets import ORIGIN, close_code, communicator


def scope(origin: str | None, host: str | None = "gcode.example.org", scheme: str = "ws") -> dict:
    headers = [(b"origin", origin.encode())] if origin else []
    if host:
        headers.append((b"host", host.encode()))
    return {"type": "websocket", "scheme": scheme, "headers": headers}


@pytest.mark.parametrize(
    ("origin", "host", "scheme", "allowed"),
    [
        ("http://gcode.example.org", "gcode.example.org", "ws", True),
        ("https://gcode.example.org", "gcode.example.org", "wss", True),
        ("https://gcode.example.org", "gcode.example.org", "ws", False),  # scheme differs
        ("http://gcode.example.org", "gcode.example.org", "wss", False),
        ("http://gcode.example.org:8080", "gcode.example.org", "ws", False),  # port differs
        ("http://gcode.example.org:8080", "gcode.example.org:8080", "ws", True),
        ("http://evil.example", "evil.example", "ws", False),  # not an allowed host
        ("http://gcode.example.org.evil.example", "gcode.example.org", "ws", False),
        (None, "gcode.example.org", "ws", False),
        ("https://trusted.example.org", "internal:8000", "ws", True),  # in CSRF_TRUSTED_ORIGINS
    ],
)
def test_the_origin_must_match_scheme_host_and_port(settings, origin, host, scheme, allowed):
    settings.ALLOWED_HOSTS = ["gcode.example.org", "internal"]
    settings.CSRF_TRUSTED_ORIGINS = ["https://trusted.example.org"]

    assert origin_allowed(scope(origin, host, scheme)) is allowed


def test_the_token_bucket_allows_a_burst_then_the_rate():
    bucket = TokenBucket(rate=2.0, burst=3.0, stamp=100.0)

    assert [bucket.take(100.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.take(100.4) is False  # 0.8 of a token
    assert bucket.take(100.5) is True  # one token after half a second
    assert [bucket.take(200.0) for _ in range(4)] == [True, True, True, False]  # never more than the burst


def test_nesting_is_measured_without_parsing_and_ignores_brackets_in_strings():
    assert json_depth('{"type": "ping"}') == 1
    assert json_depth('{"type": "[[[{{{\\"]]]"}') == 1
    assert json_depth("[" * 100_000) == 100_000
    assert json_depth('{"a": [{"b": []}]}') == 4


def cookie_of(client: Client) -> tuple[bytes, bytes]:
    return (b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())


@pytest.mark.django_db(transaction=True)
def test_a_flood_of_messages_gets_an_error_then_the_close(owner, settings):
    client = Client()
    client.force_login(owner)

    async def scenario():
        ws = communicator(ORIGIN, cookie_of(client))
        await ws.connect()
        for _ in range(int(settings.SOCKET_MESSAGE_BURST) + 1):
            await ws.send_to(text_data=json.dumps({"type": "ping"}))
        replies = [await ws.receive_output(timeout=2) for _ in range(int(settings.SOCKET_MESSAGE_BURST) + 2)]
        return replies

    replies = asyncio.run(scenario())
    texts = [json.loads(r["text"]) for r in replies if r["type"] == "websocket.send"]
    assert texts[:-1] == [{"type": "pong"}] * int(settings.SOCKET_MESSAGE_BURST)
    assert texts[-1]["type"] == "error"
    assert replies[-1] == {"type": "websocket.close", "code": CLOSE_OVER_BUDGET}


@pytest.mark.django_db(transaction=True)
def test_one_person_has_at_most_so_many_sockets(owner, settings):
    settings.SOCKETS_PER_PERSON = 3
    client = Client()
    client.force_login(owner)

    async def scenario():
        sockets = [communicator(ORIGIN, cookie_of(client)) for _ in range(3)]
        opened = [(await ws.connect())[0] for ws in sockets]
        refused = await close_code(communicator(ORIGIN, cookie_of(client)))
        await sockets[0].disconnect()
        again = communicator(ORIGIN, cookie_of(client))
        reopened = (await again.connect())[0]
        for ws in [*sockets[1:], again]:
            await ws.disconnect()
        return opened, refused, reopened

    assert asyncio.run(scenario()) == ([True, True, True], CLOSE_TOO_MANY_SOCKETS, True)


async def closed_after(ws: WebsocketCommunicator, action) -> dict:
    await ws.connect()
    await asyncio.to_thread(action)
    return await ws.receive_output(timeout=2)


@pytest.mark.django_db(transaction=True)
def test_logout_closes_that_sessions_sockets_and_no_other(owner):
    here, elsewhere = Client(), Client()
    here.force_login(owner)
    elsewhere.force_login(owner)

    async def scenario():
        other = communicator(ORIGIN, cookie_of(elsewhere))
        await other.connect()
        closing = await closed_after(communicator(ORIGIN, cookie_of(here)), lambda: here.post("/accounts/logout/"))
        other_stays = await other.receive_nothing(timeout=0.3)
        await other.disconnect()
        return closing, other_stays

    closing, other_stays = asyncio.run(scenario())
    assert closing == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}
    assert other_stays


@pytest.mark.django_db(transaction=True)
def test_a_new_password_closes_the_persons_sockets(owner):
    client = Client()
    client.force_login(owner)
    change = {"old_password": PASSWORD, "new_password1": "comet-Harbor-77", "new_password2": "comet-Harbor-77"}

    closing = asyncio.run(
        closed_after(communicator(ORIGIN, cookie_of(client)), lambda: client.post("/accounts/password/", change))
    )

    assert closing == {"type": "websocket.close", "code": CLOSE_SESSION_CHANGED}


@pytest.mark.django_db(transaction=True)
def test_deleting_the_account_closes_its_sockets(owner):
    client = Client()
    client.force_login(owner)

    closing = asyncio.run(closed_after(communicator(ORIGIN, cookie_of(client)), lambda: delete_account(owner)))

    assert closing == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}
