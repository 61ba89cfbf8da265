"""Bounds daphne itself puts on no WebSocket: how many client messages may wait unread by the
application, and how many bytes may wait unsent to a client that does not read.

Daphne reads every frame a client sends into an unbounded queue and writes every reply into an
unbounded buffer. A client that sends as fast as it can keeps the event loop busy reading, so the
consumer (and its message budget) barely runs, and one that never reads makes the server hold
everything it was sent: an audit saw /healthz take 22 s and daphne grow to 777 MB. Here a
connection with too much waiting either way is dropped at once; the browser's back-off
reconnects a real person, a flood only loses its socket.
"""

import logging

from daphne import ws_protocol

from core.socket_frames import FrameWritingProtocol, unsent_bytes

log = logging.getLogger(__name__)

MAX_WAITING_MESSAGES = 64  # a person's page sends one ping in a while; a queue this deep is a flood
MAX_UNSENT_BYTES = 1024 * 1024  # a dashboard event is a few kilobytes


class BoundedWebSocketProtocol(FrameWritingProtocol):
    """Daphne's WebSocket protocol, dropping a connection whose queues go past their bounds.

    (Not daphne's `muted`: a muted protocol never tells the application it disconnected.)"""

    dropped = False

    def onMessage(self, payload, isBinary):
        if self.dropped:
            return
        queue = getattr(self, "application_queue", None)
        if queue is not None and queue.qsize() >= MAX_WAITING_MESSAGES:
            self.drop(f"{queue.qsize()} messages waiting unread")
            return
        super().onMessage(payload, isBinary)

    def handle_reply(self, message):
        if self.dropped and message.get("type") in ("websocket.send", "websocket.close"):
            return  # the application had not heard yet; its disconnect is on the way
        if message.get("type") == "websocket.send" and unsent_bytes(self.transport) > MAX_UNSENT_BYTES:
            self.drop(f"{unsent_bytes(self.transport)} bytes waiting unsent")
            return
        super().handle_reply(message)

    def drop(self, why: str) -> None:
        if not self.dropped:
            log.warning("WebSocket %s dropped: %s", getattr(self, "client_addr", "?"), why)
        self.dropped = True
        self.dropConnection(abort=True)


def bound_daphne_sockets() -> None:
    """Make daphne's WebSocket factory build bounded protocols (called before daphne starts serving)."""
    ws_protocol.WebSocketFactory.protocol = BoundedWebSocketProtocol
