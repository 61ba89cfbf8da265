"""A small HTTP/1.1 keep-alive load generator and WebSocket helpers for bench_web.py.

Each connection sends its next request when the previous answer is read (a closed loop), so the
throughput is what the server sustains at that many connections. Connections are spread over
the given ports in turn, as nginx's upstream does over several worker processes.
"""

import asyncio
import base64
import json
import os
import statistics
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; its status and whether the connection stays open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    version, status = lines[0].split(" ", 2)[:2]
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    keep = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()
        keep = False
    return int(status), keep


def request_bytes(path: str, port: int, cookie: str = "", method: str = "GET", extra: str = "") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "User-Agent: bench-web", "Accept: */*"]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    if extra:
        lines.append(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def _connection(port: int, request: bytes, window: tuple[float, float], result: LoadResult) -> None:
    start, end = window
    reader = writer = None
    while time.perf_counter() < end:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            sent = time.perf_counter()
            writer.write(request)
            status, keep = await read_response(reader)
            done = time.perf_counter()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            result.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
            continue
        if start <= done <= end:
            result.requests += 1
            result.latencies.append(done - sent)
            result.statuses[status] = result.statuses.get(status, 0) + 1
        if not keep:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _load(ports: list[int], path: str, cookie: str, connections: int, warmup: float, seconds: float):
    result = LoadResult(requests=0, seconds=seconds)
    start = time.perf_counter() + warmup
    window = (start, start + seconds)
    tasks = []
    for i in range(connections):
        port = ports[i % len(ports)]
        tasks.append(_connection(port, request_bytes(path, port, cookie), window, result))
    await asyncio.gather(*tasks)
    return result


def load(ports: list[int], path: str, *, cookie: str = "", connections: int, warmup: float = 2.0,
         seconds: float = 5.0) -> LoadResult:  # fmt: skip
    """`connections` closed-loop clients on `path` for `seconds` after a warm-up; answers counted per status."""
    return asyncio.run(_load(ports, path, cookie, connections, warmup, seconds))


async def http_call(port: int, raw: bytes) -> tuple[int, bytes]:
    """One request on a fresh connection; the status and the body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        header = b"content-length:"
        lengths = [line[len(header) :] for line in head.split(b"\r\n") if line.lower().startswith(header)]
        length = int(lengths[0]) if lengths else 0
        return status, await reader.readexactly(length)
    finally:
        writer.close()


class Socket:
    """A minimal WebSocket client (RFC 6455) for many idle sockets: handshake, read text frames, answer pings."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int, path: str, cookie: str) -> "Socket":
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(
            (
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n"
                f"Cookie: {cookie}\r\n\r\n"
            ).encode()
        )
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101"):
            writer.close()
            raise ConnectionError(f"socket refused: {head.splitlines()[0]!r}")
        return cls(reader, writer)

    async def _frame(self) -> tuple[int, bytes]:
        first, second = await self.reader.readexactly(2)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(await self.reader.readexactly(2), "big")
        elif length == 127:
            length = int.from_bytes(await self.reader.readexactly(8), "big")
        return first & 0x0F, await self.reader.readexactly(length)

    def _send(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.writer.write(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)

    async def receive(self) -> dict:
        """The next text message as JSON (pings answered on the way); ConnectionError when the server closes."""
        while True:
            opcode, payload = await self._frame()
            if opcode == 0x1:
                return json.loads(payload)
            if opcode == 0x9:
                self._send(0xA, payload)
            elif opcode == 0x8:
                raise ConnectionError(f"closed by the server: {int.from_bytes(payload[:2], 'big')}")

    async def wait_for(self, kind: str) -> tuple[dict, float]:
        """The next message of type `kind`, and the time.time() it arrived."""
        while True:
            message = await self.receive()
            if message.get("type") == kind:
                return message, time.time()

    def close(self) -> None:
        self.writer.close()
