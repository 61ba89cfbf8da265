"""Events for the browser, sent from any thread (a scheduler job, a request) to a person's sockets.

Jobs run in the scheduler's thread, not in daphne's event loop. An event is put in the server
loop's outbox (`Outbox`): the sending thread never waits on the loop, and one task on the loop
sends the outbox's messages in the order they were put (`async_to_sync` from a foreign thread was
measured to deliver late and to trip asyncio's thread-safety checks; waiting on each hand-over held
a job up to seconds when thousands of sockets were open). An event is encoded to JSON once, for all
the sockets of its group, not once per socket. Events go out after the surrounding transaction
commits. A process with no server in it (a shell, a management command) has no loop: with the
in-memory layer nobody could hear the event, so it is skipped; with a shared layer (Redis) it is
sent through a private event loop for the servers to relay.
"""

import asyncio
import json
import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import transaction

from core.memory_layer import SUPERSEDES

log = logging.getLogger(__name__)

_server_loop: asyncio.AbstractEventLoop | None = None
_lock = threading.Lock()


def user_group(user_id: int) -> str:
    """The channel-layer group that carries one person's dashboard events."""
    return f"user.{user_id}"


def run_group(run_id: int) -> str:
    """The channel-layer group that carries one job run's progress."""
    return f"run.{run_id}"


def person_sockets_group(user_id: int) -> str:
    """Every socket a person has open (dashboard and progress), for closing them all."""
    return f"sockets.user.{user_id}"


def session_sockets_group(session_key: str) -> str:
    """The sockets opened with one login session, for closing them at its logout."""
    return f"sockets.session.{session_key}"


def remember_server_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Called from the ASGI application on its first call: the loop events must be handed to."""
    global _server_loop
    with _lock:
        _server_loop = loop


def forget_server_loop() -> None:
    global _server_loop
    with _lock:
        _server_loop = None


def server_loop() -> asyncio.AbstractEventLoop | None:
    loop = _server_loop
    return loop if loop is not None and loop.is_running() and not loop.is_closed() else None


def deliver(group: str, payload: dict[str, Any], supersedes: str | None = None) -> bool:
    """Send one event now; True when it was handed to a channel layer.

    `supersedes` names a stream of steps of which only the newest matters (a run's progress): a socket that
    has not been sent one step yet when the next comes gets only the newer (the one-process layer drops the
    older; a shared layer ignores the name and sends both)."""
    message = {"type": "dashboard.event", "text": json.dumps(payload)}  # encoded once for all the sockets
    if supersedes is not None:
        message[SUPERSEDES] = supersedes
    return hand_over(group, message)


def hand_over(group: str, message: dict[str, Any]) -> bool:
    """Send one channel-layer message to a group now, from any thread; True when a layer took it."""
    layer = get_channel_layer()
    if layer is None:
        return False
    loop = server_loop()
    if loop is not None:
        outbox_of(loop).put(layer, group, message)
        return True
    if isinstance(layer, InMemoryChannelLayer):
        return False  # no server in this process: nobody is listening
    asyncio.run(layer.group_send(group, message))
    return True


class Outbox:
    """Messages for one event loop's channel layer, put from any thread without waiting, sent in order.

    One drain task at a time sends what is waiting, one message after the other, so a person's events
    keep their order with any layer (concurrent `group_send` tasks could overtake each other on Redis)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.waiting: deque[tuple[Any, str, dict[str, Any]]] = deque()  # append/popleft are thread-safe
        self.draining = False  # read and written on the loop's thread only

    def put(self, layer: Any, group: str, message: dict[str, Any]) -> None:
        self.waiting.append((layer, group, message))
        if _on_loop_thread(self.loop):
            self.wake()
        else:
            self.loop.call_soon_threadsafe(self.wake)

    def wake(self) -> None:
        if not self.draining and self.waiting:
            self.draining = True
            self.loop.create_task(self.drain())

    async def drain(self) -> None:
        try:
            while self.waiting:
                batch = [self.waiting.popleft() for _ in range(len(self.waiting))]
                for layer, group, message in newest_steps(batch):
                    try:
                        await layer.group_send(group, message)
                    except (OSError, RuntimeError, TimeoutError) as exc:  # a shared layer (Redis) out of reach
                        log.warning("message %s to %s not delivered: %s", message.get("type"), group, exc)
        finally:
            self.draining = False
            if self.waiting:  # put while the last send was finishing
                self.wake()


def newest_steps(batch: list[tuple[Any, str, dict[str, Any]]]) -> list[tuple[Any, str, dict[str, Any]]]:
    """The batch without the steps a later message of the batch supersedes (same group, same stream of steps):
    while a busy loop fans one event out to thousands of sockets, a run's next steps pile up here."""
    last = {(group, message[SUPERSEDES]): i for i, (_, group, message) in enumerate(batch) if SUPERSEDES in message}
    return [
        item for i, item in enumerate(batch) if SUPERSEDES not in item[2] or last[(item[1], item[2][SUPERSEDES])] == i
    ]


_outboxes: dict[asyncio.AbstractEventLoop, Outbox] = {}


def outbox_of(loop: asyncio.AbstractEventLoop) -> Outbox:
    with _lock:
        outbox = _outboxes.get(loop)
        if outbox is None:
            for old in [known for known in _outboxes if known.is_closed()]:
                del _outboxes[old]
            outbox = _outboxes[loop] = Outbox(loop)
        return outbox


def _on_loop_thread(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def send_after_commit(group: str, payload: dict[str, Any], supersedes: str | None = None) -> None:
    """Send once the current transaction commits (at once outside one); a failed send is logged, not raised."""
    on_commit_send(f"event {payload.get('type')}", group, lambda: deliver(group, payload, supersedes))


def close_sockets_after_commit(group: str, code: int) -> None:
    """Close a group's sockets with `code` once the current transaction commits (a logout, a new password)."""
    on_commit_send("closing sockets", group, lambda: hand_over(group, {"type": "socket.close", "code": code}))


def on_commit_send(what: str, group: str, send_now: Callable[[], bool]) -> None:
    def send() -> None:
        try:
            send_now()
        except (TimeoutError, OSError, RuntimeError) as exc:
            log.warning("%s to %s not delivered: %s", what, group, exc)

    transaction.on_commit(send)


class LoopRecordingApplication:
    """ASGI wrapper that records the server's running loop before passing each connection on."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        loop = asyncio.get_running_loop()
        if _server_loop is not loop:
            remember_server_loop(loop)
        return await self.application(scope, receive, send)
