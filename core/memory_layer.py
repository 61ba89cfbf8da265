"""The one-process channel layer: Channels' in-memory layer without its costs that grow with the sockets.

Channels' `InMemoryChannelLayer` walks every channel and every group membership on each receive and
each group send, to drop expired messages, and starts one task per member for a group send. With
thousands of sockets open each delivery then costs milliseconds: one recalculation's events to 5,000
sockets took tens of seconds. Here the walk runs at most once a second (an expired message may wait
up to a second longer to be dropped), and a group send puts the message in each member's queue in
turn, in the calling task.

Each socket's queue is a `Mailbox`: a message that names what it `SUPERSEDES` (a run's progress step)
replaces the one of the same name still waiting there, and waits behind the messages that matter (a new
G-Code, patch notes, a close), which keep the order they were sent in. A socket that falls behind while
a run reports its steps gets the newest step, not each one, and gets the G-Code first.
"""

import asyncio
import time
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from copy import deepcopy
from typing import Any

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer

EXPIRY_SWEEP_SECONDS = 1.0
SUPERSEDES = "supersedes"  # a message key: the name of the stream of steps of which only the newest matters
SCALARS = (str, int, float, bool, bytes, type(None))


class Mailbox(asyncio.Queue):
    """A channel's waiting messages, (expiry, message) pairs: first the ones that matter in the order sent,
    then the newest step of each stream of steps, in the order of their last step.

    (`_init`, `_put` and `_get` are asyncio.Queue's hooks for the order of its items, as in PriorityQueue.)"""

    def _init(self, maxsize: int) -> None:
        self._queue: deque[tuple[float, dict[str, Any]]] = deque()
        self._first_steps = 0  # where the steps start: the messages that matter come first
        self.receivers = 0  # waiting in the layer's receive

    def _put(self, item: tuple[float, dict[str, Any]]) -> None:
        stream = item[1].get(SUPERSEDES)
        if stream is None:
            self._queue.insert(self._first_steps, item)
            self._first_steps += 1
            return
        for index in range(self._first_steps, len(self._queue)):
            if self._queue[index][1].get(SUPERSEDES) == stream:
                del self._queue[index]  # one at most: each step put replaced the one before
                break
        self._queue.append(item)

    def _get(self) -> tuple[float, dict[str, Any]]:
        if self._first_steps:
            self._first_steps -= 1
        return self._queue.popleft()

    def drop_expired(self, now: float) -> bool:
        """Drop the messages at the head that expired; whether there were any."""
        dropped = False
        while self._queue and self._queue[0][0] < now:
            self.get_nowait()
            dropped = True
        return dropped

    def idle(self) -> bool:
        """Nothing waiting in it and nobody waiting on it."""
        return self.empty() and not self.receivers


def receivers_copy(message: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """How to copy the message for each receiver, so that each may change its own: shallow when every value is
    immutable (an event's encoded text), else deep. Decided once for all the members of a group."""
    if all(isinstance(value, SCALARS) for value in message.values()):
        return dict
    return deepcopy


class OneProcessChannelLayer(InMemoryChannelLayer):
    """The in-memory layer (one process, no broker) with delivery costs that do not grow with the sockets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.swept_at = float("-inf")

    def _clean_expired(self) -> None:
        """Channels' sweep (expired messages and their channels, memberships past the group expiry), at most
        once a second, and walking keys rather than Channels' lists of (key, value) pairs: tens of thousands
        of new tuples each second at 5,000 sockets, each batch a round of the garbage collector."""
        now = time.monotonic()
        if now - self.swept_at < EXPIRY_SWEEP_SECONDS:
            return
        self.swept_at = now
        wall = time.time()
        for channel in list(self.channels):
            queue = self.channels[channel]
            if queue.drop_expired(wall):
                self._remove_from_groups(channel)
            if queue.idle():  # its receiver took its last message and did not come back
                del self.channels[channel]
        joined_before = int(wall) - self.group_expiry
        for members in self.groups.values():
            for channel in [name for name in members if members[name] and members[name] < joined_before]:
                del members[channel]

    def queue_of(self, channel: str) -> Mailbox:
        queue = self.channels.get(channel)
        if queue is None:
            queue = self.channels[channel] = Mailbox(maxsize=self.get_capacity(channel))
        return queue

    async def send(self, channel: str, message: dict[str, Any]) -> None:
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_channel_name(channel)
        assert "__asgi_channel__" not in message
        self.put(channel, receivers_copy(message)(message), time.time() + self.expiry)

    def put(self, channel: str, message: dict[str, Any], expires: float) -> None:
        try:
            self.queue_of(channel).put_nowait((expires, message))
        except asyncio.QueueFull:
            raise ChannelFull(channel) from None

    async def receive(self, channel: str) -> dict[str, Any]:
        self.require_valid_channel_name(channel)
        self._clean_expired()
        queue = self.queue_of(channel)
        queue.receivers += 1
        try:
            _, message = await queue.get()
        except BaseException:  # the receiver went away (a socket's relay is cancelled when it closes)
            queue.receivers -= 1
            if queue.idle():
                self.channels.pop(channel, None)
            raise
        queue.receivers -= 1
        # The queue stays while its receiver comes back for the next message: a new one for each message, with
        # its own deques and event, was most of what a delivery left for the garbage collector. The sweep drops
        # an idle one.
        return message

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        copy = receivers_copy(message)
        expires = time.time() + self.expiry
        for channel in list(self.groups.get(group, ())):
            # As in Channels' layer, a socket that stopped reading (its queue full) misses the message.
            with suppress(ChannelFull):  # puts without waiting: no task per member is needed
                self.put(channel, copy(message), expires)
