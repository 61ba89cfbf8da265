"""The site served by a real daphne process, as `make run` starts it."""

import asyncio
import json
import os

import pytest
import websockets

from tests.support.server import DaphneServer, manage, start_daphne

pytestmark = pytest.mark.server


@pytest.fixture
def daphne(tmp_path):
    server = start_daphne(tmp_path)
    yield server
    server.stop()


def create_person(server: DaphneServer, username: str, password: str) -> None:
    env = dict(server.env, DJANGO_SUPERUSER_PASSWORD=password)
    manage(env, "createsuperuser", "--noinput", "--username", username, "--email", f"{username}@example.org")


def test_daphne_serves_the_login_page(daphne):
    with daphne.opener().open(f"{daphne.base}/accounts/login/", timeout=10) as response:
        body = response.read().decode()
        server_header = response.headers["Server"]

    assert "$ login" in body
    assert 'name="password"' in body
    assert server_header.lower().startswith("daphne")


def test_daphne_serves_static_files_through_whitenoise(daphne):
    with daphne.opener().open(f"{daphne.base}/static/css/site.css", timeout=10) as response:
        assert response.status == 200
        assert b"terminal-chic" in response.read()


def test_a_logged_in_browser_session_opens_the_dashboard_socket(daphne):
    create_person(daphne, "ops", "nebula-Quartz-19")
    daphne.login("ops", "nebula-Quartz-19")

    async def scenario():
        uri = f"ws://127.0.0.1:{daphne.port}/ws/dashboard/"
        headers = {"Cookie": daphne.cookie_header(), "Origin": daphne.base}
        async with websockets.connect(uri, additional_headers=headers) as ws:
            await ws.send(json.dumps({"type": "ping"}))
            return json.loads(await asyncio.wait_for(ws.recv(), 5))

    assert asyncio.run(scenario()) == {"type": "pong"}


def test_an_anonymous_socket_is_refused_by_daphne(daphne):
    async def scenario():
        uri = f"ws://127.0.0.1:{daphne.port}/ws/dashboard/"
        async with websockets.connect(uri, additional_headers={"Origin": daphne.base}) as ws:
            await ws.recv()

    with pytest.raises(websockets.exceptions.WebSocketException):
        asyncio.run(scenario())
    assert os.path.isdir(daphne.env["LOG_DIR"])
