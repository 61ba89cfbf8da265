"""How daphne writes an event to thousands of sockets: the frame encoded once, written at once.

Per socket and event, daphne (through autobahn) encoded the text, built the WebSocket frame and formatted
a debug line nobody logs, and Twisted put the bytes in a buffer and asked the event loop to tell it when
the socket could take them (two `epoll_ctl` calls and a turn of the loop for each write). Here a text
event's frame is built once for every socket that gets it (autobahn's prepared messages, for broadcast:
without compression, which daphne does not offer, the bytes are the same for every socket), and a
socket with nothing waiting to be sent takes the frame at once, as asyncio's own transports do; what it
does not take goes to Twisted's buffer, behind which later writes wait as before.
"""

from functools import lru_cache

from autobahn.websocket.protocol import PreparedMessage
from daphne import ws_protocol


def unsent_bytes(transport) -> int:
    """Bytes a Twisted TCP transport holds for a peer that has not taken them (its write buffers)."""
    written = len(getattr(transport, "dataBuffer", b"")) - getattr(transport, "offset", 0)
    return written + getattr(transport, "_tempDataLen", 0)


@lru_cache(maxsize=8)
def prepared_text(text: str) -> PreparedMessage:
    """A server's unmasked, uncompressed text frame; the same event's text for every socket hits the cache."""
    return PreparedMessage(text.encode("utf8"), isBinary=False, applyMask=False, doNotCompress=True)


def write_now(transport, data: bytes) -> None:
    """Write to a plain TCP (or Unix) socket now when nothing is waiting before it; the rest to Twisted's buffer."""
    ready = (
        getattr(transport, "connected", False)
        and not getattr(transport, "disconnecting", True)
        and not getattr(transport, "TLS", True)
        and hasattr(transport, "writeSomeData")
        and unsent_bytes(transport) == 0
    )
    if ready:
        sent = transport.writeSomeData(data)
        if isinstance(sent, int):  # else the connection is lost: Twisted's write finds out and closes it
            data = data[sent:]
    if data:
        transport.write(data)


class FrameWritingProtocol(ws_protocol.WebSocketProtocol):
    """Daphne's WebSocket protocol, writing text events as frames built once and written without a wait."""

    def serverSend(self, content, binary=False):
        if binary or self.state != self.STATE_OPEN or self._perMessageCompress is not None:
            super().serverSend(content, binary)
            return
        self.trafficStats.outgoingWebSocketMessages += 1
        self.sendPreparedMessage(prepared_text(content))

    def sendData(self, data, sync=False, chopsize=None):
        if sync or chopsize or self.send_queue:  # autobahn's paced writes keep their own path
            super().sendData(data, sync, chopsize)
            return
        write_now(self.transport, data)
        if self.state == self.STATE_OPEN:
            self.trafficStats.outgoingOctetsWireLevel += len(data)
