"""WebSocket consumers: each person's own dashboard stream."""

import json
import logging
from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from core.events import run_group, user_group
from core.models import JobRun

log = logging.getLogger(__name__)

MAX_CLIENT_MESSAGE_BYTES = 4096
CLOSE_UNAUTHENTICATED = 4401


class DashboardConsumer(AsyncWebsocketConsumer):
    """Pushes a logged-in person's events (new G-Code, patch notes, progress) to their browser."""

    group: str | None = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

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

    async def dashboard_event(self, event: dict[str, Any]) -> None:
        """Forward a server-side event (sent to the group as type "dashboard.event")."""
        await self.send(text_data=json.dumps(event["payload"]))


CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404


class ProgressConsumer(AsyncWebsocketConsumer):
    """One run's progress for its owner (or staff): a snapshot on connect, then each step as it happens."""

    group: str | None = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        run = await JobRun.objects.filter(pk=self.scope["url_route"]["kwargs"]["run_id"]).afirst()
        if run is None or not (user.is_staff or run.user_id == user.pk):
            await self.close(code=CLOSE_NOT_FOUND)  # someone else's run is not there, as far as they can tell
            return
        self.group = run_group(run.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        snapshot = {"type": "job.progress", "run": run.pk, "job": run.job, "status": run.status, **run.progress}
        await self.send(text_data=json.dumps(snapshot))

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send(text_data=json.dumps({"type": "error", "detail": "This socket only sends; it reads nothing."}))

    async def dashboard_event(self, event: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(event["payload"]))
