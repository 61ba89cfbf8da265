"""How daphne writes an event's frame: built once for every socket, written at once when nothing waits before it.

The transport is Twisted's own TCP connection over a socket pair; only the reactor is a stand-in that
records which connections asked to be told when they may write."""

import socket

import pytest
from twisted.internet import tcp

from core.socket_frames import prepared_text, unsent_bytes, write_now


class RecordingReactor:
    def __init__(self) -> None:
        self.writers: set = set()

    def addWriter(self, writer) -> None:
        self.writers.add(writer)

    def removeWriter(self, writer) -> None:
        self.writers.discard(writer)


@pytest.fixture
def connection():
    server_end, client_end = socket.socketpair()
    server_end.setblocking(False)
    client_end.setblocking(False)
    reactor = RecordingReactor()
    transport = tcp.Connection(server_end, None, reactor)
    transport.connected = 1  # as Twisted's server connection sets it once accepted
    yield transport, client_end, reactor
    server_end.close()
    client_end.close()


def read_all(peer: socket.socket, size: int) -> bytes:
    peer.setblocking(True)
    peer.settimeout(5)
    chunks, got = [], 0
    while got < size:
        chunk = peer.recv(size - got)
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def test_a_frame_goes_straight_to_a_socket_with_nothing_waiting(connection):
    transport, peer, reactor = connection
    write_now(transport, b"frame")
    assert peer.recv(100) == b"frame"
    assert reactor.writers == set()  # no turn of the loop asked for
    assert unsent_bytes(transport) == 0


def test_what_a_full_socket_does_not_take_waits_and_later_frames_queue_behind_it(connection):
    transport, peer, reactor = connection
    big = bytes(range(256)) * 20_000  # more than the socket pair's buffers take at once
    write_now(transport, big)
    assert 0 < unsent_bytes(transport) < len(big)
    assert reactor.writers == {transport}  # Twisted writes the rest when the peer reads
    write_now(transport, b"next")
    assert unsent_bytes(transport) > 0
    received = b""
    while transport in reactor.writers:
        received += peer.recv(1 << 20)
        transport.doWrite()
    received += read_all(peer, len(big) + 4 - len(received))
    assert received == big + b"next"  # in the order written, nothing lost


def test_a_closing_connection_is_left_to_twisted(connection):
    transport, peer, _reactor = connection
    transport.disconnecting = True
    write_now(transport, b"late")
    assert unsent_bytes(transport) == 4  # buffered, as Twisted's write does; not sent past a close
    peer.setblocking(False)
    with pytest.raises(BlockingIOError):
        peer.recv(100)


def test_the_same_text_is_framed_once_for_every_socket():
    text = '{"type": "gcode.new", "date": "2026-11-26"}'
    frame = prepared_text(text)
    assert prepared_text(text) is frame
    assert frame.payloadHybi == bytes([0x81, len(text)]) + text.encode()  # final text frame, unmasked
    long_text = "é" * 200
    assert prepared_text(long_text).payloadHybi[:4] == bytes([0x81, 126, 0x01, 0x90])  # 400 bytes of UTF-8
