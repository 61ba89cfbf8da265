"""The request threads (core/request_threads.py): a connection kept between requests, and never a bad one.

Each test runs the site's middleware through a handler of one thread, with this module as the URLconf, and
calls it as daphne does (an ASGI scope, receive and send) on an event loop of its own.
"""

import asyncio
import gc
import threading
from collections.abc import Iterator

import pytest
from asgiref.sync import AsyncToSync
from django.contrib.auth.decorators import login_not_required
from django.db import connection, connections, transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import path

from core.request_threads import RequestThreadsHandler

pytestmark = pytest.mark.django_db(transaction=True)  # the handler's thread has a connection of its own

gates: dict[str, threading.Event] = {}


@login_not_required
def backend(request: HttpRequest) -> HttpResponse:
    """Which database session answered: PostgreSQL's backend process, or SQLite's connection."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_backend_pid()")
            return HttpResponse(str(cursor.fetchone()[0]))
        cursor.execute("SELECT 1")
    return HttpResponse(str(id(connection.connection)))


@login_not_required
def hold(request: HttpRequest) -> HttpResponse:
    gates["holding"].set()
    gates["release"].wait(10)
    return HttpResponse("released")


@login_not_required
def fail(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    raise RuntimeError("a view that fails after a query")


@login_not_required
def leave_a_transaction_open(request: HttpRequest) -> HttpResponse:
    transaction.set_autocommit(False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("left open")


@login_not_required
def autocommit(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(connection.get_autocommit()))


@login_not_required
def stream(request: HttpRequest) -> StreamingHttpResponse:
    def parts() -> Iterator[str]:
        for _ in range(3):
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            yield f"{threading.current_thread().name};"

    return StreamingHttpResponse(parts())


urlpatterns = [
    path("backend", backend),
    path("hold", hold),
    path("fail", fail),
    path("leave-a-transaction-open", leave_a_transaction_open),
    path("autocommit", autocommit),
    path("stream", stream),
]


async def get(app: RequestThreadsHandler, url: str) -> tuple[int, str]:
    """One GET through the application as an ASGI server passes it: the status and the body."""
    incoming = [{"type": "http.request", "body": b"", "more_body": False}]
    answered = asyncio.Event()
    statuses: list[int] = []
    body: list[bytes] = []

    async def receive() -> dict:
        if incoming:
            return incoming.pop()
        await answered.wait()  # the client stays until it has the whole answer
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])
        else:
            body.append(message.get("body", b""))
            if not message.get("more_body"):
                answered.set()

    scope = {"type": "http", "method": "GET", "path": url, "query_string": b"", "headers": [(b"host", b"localhost")],
             "client": ("127.0.0.1", 50000), "server": ("localhost", 80), "scheme": "http"}  # fmt: skip
    await app(scope, receive, send)
    answered.set()
    return statuses[0], b"".join(body).decode()


@pytest.fixture
def one_thread(settings) -> Iterator[RequestThreadsHandler]:
    settings.ROOT_URLCONF = __name__
    gates.update(holding=threading.Event(), release=threading.Event())
    handler = RequestThreadsHandler(1)
    yield handler
    gates["release"].set()
    for thread in handler.threads:
        thread.submit(connections.close_all).result()
        thread.shutdown()


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """The names of the threads that opened a database connection, in order."""
    names: list[str] = []

    def note(sender, connection, **kwargs) -> None:
        names.append(threading.current_thread().name)

    connection_created.connect(note)
    yield names
    connection_created.disconnect(note)


def test_five_health_probes_open_one_database_connection(one_thread, opened):
    async def probes() -> list[int]:
        return [(await get(one_thread, "/healthz"))[0] for _ in range(5)]

    assert asyncio.run(probes()) == [200] * 5
    assert len(opened) == 1
    assert opened[0].startswith("request")


def test_a_request_that_finds_every_thread_busy_waits_and_is_answered_after(one_thread):
    async def scenario() -> list[str]:
        finished: list[str] = []

        async def request(url: str) -> None:
            status, _ = await get(one_thread, url)
            finished.append(f"{url} {status}")

        held = asyncio.create_task(request("/hold"))
        await asyncio.to_thread(gates["holding"].wait, 10)
        waiting = asyncio.create_task(request("/healthz"))
        await asyncio.sleep(0.2)
        assert finished == []  # the probe waits for the one thread
        gates["release"].set()
        await asyncio.gather(held, waiting)
        return finished

    assert asyncio.run(scenario()) == ["/hold 200", "/healthz 200"]


def test_a_client_that_leaves_while_waiting_for_a_thread_does_not_keep_it(one_thread):
    async def scenario() -> tuple[int, str]:
        held = asyncio.create_task(get(one_thread, "/hold"))
        await asyncio.to_thread(gates["holding"].wait, 10)
        gone = asyncio.create_task(get(one_thread, "/healthz"))
        await asyncio.sleep(0.1)
        gone.cancel()
        gates["release"].set()
        await held
        return await asyncio.wait_for(get(one_thread, "/healthz"), 5)

    assert asyncio.run(scenario())[0] == 200


def test_a_view_that_raises_answers_500_and_its_thread_and_connection_serve_the_next(one_thread, opened, caplog):
    async def scenario() -> list[tuple[int, str]]:
        return [await get(one_thread, "/fail"), await get(one_thread, "/backend"), await get(one_thread, "/backend")]

    (failed, _), first, second = asyncio.run(scenario())

    assert failed == 500
    assert "a view that fails after a query" in caplog.text  # logged for the operator, not shown
    assert first[0] == second[0] == 200
    assert first[1] == second[1]
    assert len(opened) == 1


def test_a_transaction_left_open_is_not_carried_into_the_next_request(one_thread, opened):
    async def scenario() -> tuple[int, str]:
        await get(one_thread, "/leave-a-transaction-open")
        return await get(one_thread, "/autocommit")

    assert asyncio.run(scenario()) == (200, "True")
    assert len(opened) == 2  # the connection left in a transaction was closed, not lent again


@pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators")
def test_a_streaming_answer_is_produced_in_its_request_thread_on_its_connection(one_thread, opened):
    status, body = asyncio.run(get(one_thread, "/stream"))

    assert status == 200
    assert len(set(body.rstrip(";").split(";"))) == 1
    assert body.startswith("request")
    assert len(opened) == 1


def test_a_request_is_freed_when_it_ends_not_left_to_the_garbage_collector(one_thread):
    async def probes() -> None:
        for _ in range(3):
            await get(one_thread, "/healthz")  # the client says it is gone once it has the answer, as daphne does

    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds is kept in gc.garbage instead of freed
    try:
        asyncio.run(probes())
        gc.collect()
        left = [type(thing).__name__ for thing in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()

    assert "ASGIRequest" not in left
    assert "HttpResponse" not in left


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a database server that drops a session: PostgreSQL")
def test_a_connection_the_database_dropped_is_replaced_before_the_next_request_uses_it(one_thread):
    async def backend_pid() -> int:
        status, body = await get(one_thread, "/backend")
        assert status == 200
        return int(body)

    before = asyncio.run(backend_pid())
    with connection.cursor() as cursor:  # as a database restart or an administrator would
        cursor.execute("SELECT pg_terminate_backend(%s)", [before])
    after = asyncio.run(backend_pid())

    assert after != before


def test_the_middleware_and_the_view_run_in_the_request_thread_without_a_trip_back_to_the_event_loop(
    one_thread, monkeypatch
):
    """Django's async chain went back to the event loop around the innermost middleware and the view."""
    trips: list[object] = []
    to_loop = AsyncToSync.__call__

    def counted(self, *args, **kwargs):
        trips.append(self.awaitable)
        return to_loop(self, *args, **kwargs)

    monkeypatch.setattr(AsyncToSync, "__call__", counted)
    status, _ = asyncio.run(get(one_thread, "/backend"))

    assert status == 200
    assert trips == []
