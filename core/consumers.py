"""WebSocket consumers: each person's own dashboard stream, and one run's progress for its owner.

A refused socket is accepted and then closed with a 44xx code: closed before the handshake, daphne
answers 403 and the browser sees only 1006, which it cannot tell from a network blip.
"""

import asyncio
import functools
import json
import logging
from typing import Any

from autobahn.exception import Disconnected
from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings

from core.events import person_sockets_group, run_group, session_sockets_group, user_group
from core.models import JobRun
from core.runs import progress_event
from core.socket_limits import BadMessage, SocketCount, TokenBucket, origin_allowed, read_client_message

log = logging.getLogger(__name__)

CLOSE_INTERNAL_ERROR = 1011
CLOSE_SESSION_CHANGED = 4001  # the password changed: reconnect (a still-valid session gets back in)
CLOSE_OVER_BUDGET = 4008  # too many messages; the browser may come back after its back-off
CLOSE_UNAUTHENTICATED = 4401  # signed out: the browser stops and offers to log in
CLOSE_FORBIDDEN_ORIGIN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_MANY_SOCKETS = 4429

open_sockets = SocketCount()
RELAYED = frozenset({"dashboard.event", "socket.close"})  # channel-layer messages whose handlers touch no database


class GroupStreamConsumer(AsyncWebsocketConsumer):
    """A signed-in person's socket that relays one channel-layer group's events (type "dashboard.event")."""

    groups_joined: tuple[str, ...] = ()
    counted_for: int | None = None

    relay_task: asyncio.Task | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.budget = TokenBucket(settings.SOCKET_MESSAGES_PER_SECOND, settings.SOCKET_MESSAGE_BURST)

    async def __call__(self, scope, receive, send) -> None:
        """Channels' consumer, with the channel layer's messages read by a task of their own.

        Channels waits on the client and the layer together with `asyncio.wait` and starts a new task for
        each message it gets; at thousands of sockets those allocations, each outliving a young garbage
        collection, were most of an event's cost and brought full collections of the whole heap (about a
        second at 5,000 sockets) into the fan-out. Here the socket's task reads the client, and one task
        reads the layer from the end of `connect` (what arrives before waits in the socket's queue) to the
        disconnect. A relayed event's handler never waits on anything, so it cannot interleave with
        another handler's work."""
        layer = get_channel_layer(self.channel_layer_alias)
        if layer is None:
            await super().__call__(scope, receive, send)
            return
        self.scope, self.channel_layer, self.base_send = scope, layer, send
        self.channel_name = await layer.new_channel()
        self.channel_receive = functools.partial(layer.receive, self.channel_name)
        try:
            while True:
                await self.dispatch(await receive())
        except StopConsumer:
            pass
        finally:
            if self.relay_task is not None:
                self.relay_task.cancel()
                await asyncio.gather(self.relay_task, return_exceptions=True)

    async def relay(self) -> None:
        try:
            while True:
                await self.dispatch(await self.channel_receive())
        except Disconnected:  # the browser left while an event was on its way (a page left): nothing to send to
            return
        except Exception:  # as daphne does with an application's error: logged, and the socket closed
            log.exception("relaying an event to socket %s failed", self.channel_name)
            await self.close(code=CLOSE_INTERNAL_ERROR)

    async def websocket_connect(self, message: dict[str, Any]) -> None:
        await super().websocket_connect(message)
        if self.groups_joined and self.relay_task is None:
            self.relay_task = asyncio.ensure_future(self.relay())

    async def dispatch(self, message: dict[str, Any]) -> None:
        """A relayed event goes straight to its handler. Channels first sends every message to a thread to
        close stale database connections; one thread serves that for every socket, so with thousands open
        an event waited in line there, and the requests' database work behind it."""
        if message["type"] in RELAYED:
            await getattr(self, get_handler_name(message))(message)
        else:
            await super().dispatch(message)

    async def refuse(self, code: int) -> None:
        await self.accept()
        await self.close(code=code)

    async def signed_in_user(self):
        """The person, or None after refusing the socket (foreign origin, anonymous, too many sockets)."""
        user = self.scope.get("user")
        if not origin_allowed(self.scope):
            await self.refuse(CLOSE_FORBIDDEN_ORIGIN)
        elif user is None or not user.is_authenticated:
            await self.refuse(CLOSE_UNAUTHENTICATED)
        elif not open_sockets.enter(user.pk, settings.SOCKETS_PER_PERSON):
            await self.refuse(CLOSE_TOO_MANY_SOCKETS)
        else:
            self.counted_for = user.pk
            return user
        return None

    async def join(self, group: str) -> None:
        """Relay `group`'s events; the person's and the session's control groups can close the socket."""
        session = self.scope.get("session")
        assert self.counted_for is not None  # joined only after the person's socket was counted
        self.groups_joined = (group, person_sockets_group(self.counted_for))
        if session is not None and session.session_key:
            self.groups_joined += (session_sockets_group(session.session_key),)
        for name in self.groups_joined:
            await self.channel_layer.group_add(name, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for name in self.groups_joined:
            await self.channel_layer.group_discard(name, self.channel_name)
        if self.counted_for is not None:
            open_sockets.leave(self.counted_for)
            self.counted_for = None

    async def dashboard_event(self, event: dict[str, Any]) -> None:
        """Forward a server-side event to the browser: its JSON, encoded once for every socket ("text")."""
        text = event.get("text")
        await self.send(text_data=text if text is not None else json.dumps(event["payload"]))

    async def socket_close(self, event: dict[str, Any]) -> None:
        """The session ended (logout, new password, account deleted): this socket ends with it."""
        await self.close(code=event["code"])

    async def send_error(self, detail: str) -> None:
        await self.send(text_data=json.dumps({"type": "error", "detail": detail}))

    async def within_budget(self) -> bool:
        """Count one client message; past the socket's budget, an error event and then the close."""
        if self.budget.take():
            return True
        await self.send_error("Too many messages; this socket is closed.")
        await self.close(code=CLOSE_OVER_BUDGET)
        return False


class DashboardConsumer(GroupStreamConsumer):
    """Pushes a logged-in person's events (new G-Code, patch notes, progress) to their browser."""

    async def connect(self) -> None:
        if user := await self.signed_in_user():
            await self.join(user_group(user.pk))

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if not await self.within_budget():
            return
        try:
            message = read_client_message(text_data, bytes_data)
        except BadMessage as bad:
            await self.send_error(str(bad))
            return
        if message.get("type") != "ping":
            await self.send_error('Unknown message type; send {"type": "ping"}.')
            return
        await self.send(text_data=json.dumps({"type": "pong"}))


class ProgressConsumer(GroupStreamConsumer):
    """One run's progress for its owner (or staff): a snapshot on connect, then each step as it happens."""

    async def connect(self) -> None:
        user = await self.signed_in_user()
        if user is None:
            return
        run = await JobRun.objects.filter(pk=self.scope["url_route"]["kwargs"]["run_id"]).afirst()
        if run is None or not (user.is_staff or run.user_id == user.pk):
            await self.refuse(CLOSE_NOT_FOUND)  # someone else's run is not there, as far as they can tell
            return
        await self.join(run_group(run.pk))
        await self.send(text_data=json.dumps(progress_event(run)))  # the snapshot, then each step

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if await self.within_budget():
            await self.send_error("This socket only sends; it reads nothing.")
