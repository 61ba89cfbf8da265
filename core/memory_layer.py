"""The one-process channel layer: Channels' in-memory layer without its costs that grow with the sockets.

Channels' `InMemoryChannelLayer` walks every channel and every group membership on each receive and
each group send, to drop expired messages, and starts one task per member for a group send. With
thousands of sockets open each delivery then costs milliseconds: one recalculation's events to 5,000
sockets took tens of seconds. Here the walk runs at most once a second (an expired message may wait
up to a second longer to be dropped), and a group send puts the message in each member's queue in
turn, in the calling task.
"""

import asyncio
import time
from contextlib import suppress
from copy import deepcopy
from typing import Any

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer

EXPIRY_SWEEP_SECONDS = 1.0


class OneProcessChannelLayer(InMemoryChannelLayer):
    """The in-memory layer (one process, no broker) with delivery costs that do not grow with the sockets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.swept_at = float("-inf")

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self.swept_at >= EXPIRY_SWEEP_SECONDS:
            self.swept_at = now
            super()._clean_expired()

    def queue_of(self, channel: str) -> asyncio.Queue:
        queue = self.channels.get(channel)
        if queue is None:
            queue = self.channels[channel] = asyncio.Queue(maxsize=self.get_capacity(channel))
        return queue

    async def send(self, channel: str, message: dict[str, Any]) -> None:
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_channel_name(channel)
        assert "__asgi_channel__" not in message
        try:
            self.queue_of(channel).put_nowait((time.time() + self.expiry, deepcopy(message)))
        except asyncio.QueueFull:
            raise ChannelFull(channel) from None

    async def receive(self, channel: str) -> dict[str, Any]:
        self.require_valid_channel_name(channel)
        self._clean_expired()
        queue = self.queue_of(channel)
        try:
            _, message = await queue.get()
        finally:
            if queue.empty():
                self.channels.pop(channel, None)
        return message

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        for channel in list(self.groups.get(group, ())):
            # As in Channels' layer, a socket that stopped reading (its queue full) misses the message.
            with suppress(ChannelFull):
                await self.send(channel, message)  # puts without waiting: no task per member is needed
