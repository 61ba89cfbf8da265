"""Django's ASGI handler with a fixed set of long-lived request threads, so database connections last.

Django's `ASGIHandler` runs each request's synchronous code (the middleware, the view, the signals around
them) in a thread of its own, started for the request and ended after it (`ThreadSensitiveContext`). A
database connection belongs to a thread, so each request opened a new one and `CONN_MAX_AGE` could not keep
it (Django ticket #33497): on SQLite, opening and first touching the file cost about 40 times the health
probe's `SELECT 1`. Here each request borrows one of `REQUEST_THREADS` threads made at start-up and gives it
back when done; a request that finds them all busy waits for one. Each thread keeps its own connection from
one request to the next, and Django's request signals look after it as before: `CONN_MAX_AGE` retires an old
one, `CONN_HEALTH_CHECKS` replaces a broken one at its next use, and one left in a transaction or after an
error it cannot recover from is closed at the request's end.

Otherwise it is Django's handler: a request still runs its code in one thread from start to finish (a streaming
response's iterator included), and its tasks end before the thread is given back. One more difference: the
client's leaving ends the request's listening task without an exception (`listen_for_disconnect`), so that a
request's objects are freed when it ends rather than by the garbage collector.
"""

import asyncio
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase


class RequestThreadsHandler(ASGIHandler):
    """`ASGIHandler`, each request run in one of a bounded set of threads, most recently used first."""

    def __init__(self, threads: int) -> None:
        if threads < 1:
            raise ValueError(f"REQUEST_THREADS must be at least 1, not {threads}")
        super().__init__()
        # One worker each: a request's sync calls must all run in the same thread, one at a time.
        self.threads = [ThreadPoolExecutor(max_workers=1, thread_name_prefix="request") for _ in range(threads)]
        # A stack: the thread used last is lent next, so few connections are kept warm when traffic is light.
        self._idle = list(reversed(self.threads))
        self._waiting: deque[asyncio.Future[ThreadPoolExecutor]] = deque()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        thread = await self._borrow()
        try:
            async with ThreadSensitiveContext(executor=thread):
                await self.handle(scope, receive, send)
        finally:
            self._give_back(thread)

    def load_middleware(self, is_async: bool = False) -> None:
        """The middleware chain built as under WSGI, whatever `ASGIHandler.__init__` asks: the middleware and
        the view run in the request's thread in one go. (Django's async chain, with sync middleware, went from
        the thread to the event loop and back around the innermost middleware and again into the thread for
        the view: two more trips per page.)"""
        super().load_middleware(is_async=False)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        """The sync chain's answer (`BaseHandler.get_response`), from the request's thread."""
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)

    async def listen_for_disconnect(self, receive: Any) -> None:
        """As Django's, but the client's leaving ends the task instead of raising `RequestAborted`.

        `handle()` cancels the view either way when this task ends first. When it ends after the answer (daphne
        says the client is gone once a response is complete), Django's exception, re-raised and ignored in
        `handle()`, tied the request, its answer and the tasks into a reference cycle through its traceback:
        each request left its objects to the garbage collector instead of freeing them at once.
        """
        message = await receive()
        if message["type"] != "http.disconnect":
            raise AssertionError(f"Invalid ASGI message after request body: {message['type']}")

    async def _borrow(self) -> ThreadPoolExecutor:
        if self._idle:
            return self._idle.pop()
        waiter: asyncio.Future[ThreadPoolExecutor] = asyncio.get_running_loop().create_future()
        self._waiting.append(waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            # The client left while waiting; a thread handed over at that moment goes to the next in line.
            if waiter.done() and not waiter.cancelled():
                self._give_back(waiter.result())
            raise

    def _give_back(self, thread: ThreadPoolExecutor) -> None:
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(thread)
                return
        self._idle.append(thread)


def get_asgi_application() -> RequestThreadsHandler:
    """As `django.core.asgi.get_asgi_application`, with `settings.REQUEST_THREADS` request threads."""
    django.setup(set_prefix=False)
    return RequestThreadsHandler(settings.REQUEST_THREADS)
