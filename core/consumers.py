"""WebSocket consumers: each person's own dashboard stream, and one run's progress for its owner."""

import json
from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from core.events import run_group, user_group
from core.models import JobRun

MAX_CLIENT_MESSAGE_BYTES = 4096
CLOSE_UNAUTHENTICATED = 4401
CLOSE_NOT_FOUND = 4404


class GroupStreamConsumer(AsyncWebsocketConsumer):
    """A signed-in person's socket that relays one channel-layer group's events (type "dashboard.event")."""

    group: str | None = None

    async def signed_in_user(self):
        """The person, or None after closing the socket for an anonymous visitor."""
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return None
        return user

    async def join(self, group: str) -> None:
        self.group = group
        await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def dashboard_event(self, event: dict[str, Any]) -> None:
        """Forward a server-side event to the browser."""
        await self.send(text_data=json.dumps(event["payload"]))


class DashboardConsumer(GroupStreamConsumer):
    """Pushes a logged-in person's events (new G-Code, patch notes, progress) to their browser."""

    async def connect(self) -> None:
        if user := await self.signed_in_user():
            await self.join(user_group(user.pk))

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if bytes_data is not None or text_data is None:
            await self.send_error("Only JSON text messages are accepted.")
            return
        if len(text_data.encode()) > MAX_CLIENT_MESSAGE_BYTES:
            await self.send_error("Message too large.")
            return
        try:
            message = json.loads(text_data)
        except json.JSONDecodeError:
            await self.send_error("Malformed JSON.")
            return
        if not isinstance(message, dict) or message.get("type") != "ping":
            await self.send_error('Unknown message type; send {"type": "ping"}.')
            return
        await self.send(text_data=json.dumps({"type": "pong"}))

    async def send_error(self, detail: str) -> None:
        await self.send(text_data=json.dumps({"type": "error", "detail": detail}))


class ProgressConsumer(GroupStreamConsumer):
    """One run's progress for its owner (or staff): a snapshot on connect, then each step as it happens."""

    async def connect(self) -> None:
        user = await self.signed_in_user()
        if user is None:
            return
        run = await JobRun.objects.filter(pk=self.scope["url_route"]["kwargs"]["run_id"]).afirst()
        if run is None or not (user.is_staff or run.user_id == user.pk):
            await self.close(code=CLOSE_NOT_FOUND)  # someone else's run is not there, as far as they can tell
            return
        await self.join(run_group(run.pk))
        snapshot = {"type": "job.progress", "run": run.pk, "job": run.job, "status": run.status, **run.progress}
        await self.send(text_data=json.dumps(snapshot))

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send(text_data=json.dumps({"type": "error", "detail": "This socket only sends; it reads nothing."}))
