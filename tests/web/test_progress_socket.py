"""ws/progress/<run_id>/ through Channels' communicator: only the run's owner watches it."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from core.consumers import CLOSE_FORBIDDEN_ORIGIN, CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED
from core.events import run_group
from core.models import JobRun
from gcode_site.asgi import application
from tests.support.sockets import ORIGIN, close_code, session_cookie_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def owners_run(owner) -> JobRun:
    progress = {"state": "running", "percent": 35, "message": "Reading transits"}
    return JobRun.objects.create(job="recalculate", slot="s", user=owner, status="running", progress=progress)


def progress_socket(run_id: int, *headers) -> WebsocketCommunicator:
    return WebsocketCommunicator(application, f"/ws/progress/{run_id}/", headers=list(headers))


def test_the_owner_gets_a_snapshot_then_each_step(owner, owners_run):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = progress_socket(owners_run.pk, ORIGIN, cookie)
        connected, _ = await ws.connect()
        snapshot = await ws.receive_json_from(timeout=2)
        await get_channel_layer().group_send(
            run_group(owners_run.pk),
            {"type": "dashboard.event", "payload": {"type": "job.progress", "state": "done", "percent": 100}},
        )
        step = await ws.receive_json_from(timeout=2)
        await ws.disconnect()
        return connected, snapshot, step

    connected, snapshot, step = asyncio.run(scenario())
    assert connected
    assert (snapshot["type"], snapshot["percent"], snapshot["message"]) == ("job.progress", 35, "Reading transits")
    assert (step["state"], step["percent"]) == ("done", 100)


def test_anonymous_and_foreign_origin_and_someone_elses_run_are_refused(owner, stranger, owners_run):
    stranger_cookie, owner_cookie = session_cookie_for(stranger), session_cookie_for(owner)

    async def scenario():
        anonymous = await close_code(progress_socket(owners_run.pk, ORIGIN))
        foreign = await close_code(progress_socket(owners_run.pk, (b"origin", b"http://evil.example"), owner_cookie))
        someone_else = await close_code(progress_socket(owners_run.pk, ORIGIN, stranger_cookie))
        missing = await close_code(progress_socket(owners_run.pk + 999, ORIGIN, owner_cookie))
        return anonymous, foreign, someone_else, missing

    assert asyncio.run(scenario()) == (CLOSE_UNAUTHENTICATED, CLOSE_FORBIDDEN_ORIGIN, CLOSE_NOT_FOUND, CLOSE_NOT_FOUND)


def test_staff_may_watch_any_run(owner, stranger, owners_run):
    stranger.is_staff = True
    stranger.save()
    cookie = session_cookie_for(stranger)

    async def scenario():
        ws = progress_socket(owners_run.pk, ORIGIN, cookie)
        connected, _ = await ws.connect()
        await ws.disconnect()
        return connected

    assert asyncio.run(scenario())


def test_messages_from_the_client_get_an_error_and_the_socket_stays_up(owner, owners_run):
    cookie = session_cookie_for(owner)

    async def scenario():
        ws = progress_socket(owners_run.pk, ORIGIN, cookie)
        await ws.connect()
        await ws.receive_json_from(timeout=2)  # the snapshot
        await ws.send_to(text_data="{not json")
        first = await ws.receive_json_from(timeout=2)
        await ws.send_to(bytes_data=b"\x00" * 10_000)
        second = await ws.receive_json_from(timeout=2)
        run = await sync_to_async(JobRun.objects.get)(pk=owners_run.pk)
        await get_channel_layer().group_send(
            run_group(run.pk), {"type": "dashboard.event", "payload": {"type": "job.progress", "state": "done"}}
        )
        still_up = await ws.receive_json_from(timeout=2)
        await ws.disconnect()
        return first, second, still_up

    first, second, still_up = asyncio.run(scenario())
    assert first["type"] == second["type"] == "error"
    assert still_up["state"] == "done"
