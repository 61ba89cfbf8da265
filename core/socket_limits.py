"""Limits a socket lives within: who may open one (origin), how many per person, how fast it may
talk (a token bucket), and what a client message may look like (size, nesting)."""

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host

MAX_CLIENT_MESSAGE_BYTES = 4096
MAX_JSON_DEPTH = 4  # {"type": "ping"} is depth 1; deeper is never ours


class BadMessage(ValueError):
    """A client message we refuse to read; its text is what the client is told."""


@dataclass
class TokenBucket:
    """`rate` messages a second on average, bursts of up to `burst`; `take()` is False when over budget."""

    rate: float
    burst: float
    tokens: float = -1.0
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        if self.tokens < 0:
            self.tokens = self.burst

    def take(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text, read without parsing it (so without
    recursion): brackets inside strings do not count."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def read_client_message(text_data: str | None, bytes_data: bytes | None) -> dict[str, Any]:
    """A client's JSON object, or BadMessage saying why not."""
    if bytes_data is not None or text_data is None:
        raise BadMessage("Only JSON text messages are accepted.")
    if len(text_data.encode()) > MAX_CLIENT_MESSAGE_BYTES:
        raise BadMessage("Message too large.")
    if json_depth(text_data) > MAX_JSON_DEPTH:
        raise BadMessage("Message nested too deeply.")
    try:
        message = json.loads(text_data)
    except (json.JSONDecodeError, RecursionError):
        raise BadMessage("Malformed JSON.") from None
    if not isinstance(message, dict):
        raise BadMessage('Send a JSON object, e.g. {"type": "ping"}.')
    return message


def header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def origin_allowed(scope: dict) -> bool:
    """A browser page of this site: the Origin is a trusted origin, or exactly this host's, with the
    scheme (https for wss, http for ws) and port the socket itself came with."""
    origin = header(scope, b"origin")
    if not origin:
        return False
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    scheme = "https" if scope.get("scheme") == "wss" else "http"
    if parts.scheme != scheme or not parts.hostname:
        return False
    host = header(scope, b"host")
    if host is not None and parts.netloc.lower() != host.lower():
        return False
    domain, _ = split_domain_port(parts.netloc)
    return validate_host(domain, settings.ALLOWED_HOSTS)


class SocketCount:
    """Open sockets per person in this process, so one person cannot open without end."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[int, int] = {}

    def enter(self, user_id: int, limit: int) -> bool:
        with self._lock:
            if self._open.get(user_id, 0) >= limit:
                return False
            self._open[user_id] = self._open.get(user_id, 0) + 1
            return True

    def leave(self, user_id: int) -> None:
        with self._lock:
            left = self._open.get(user_id, 0) - 1
            if left > 0:
                self._open[user_id] = left
            else:
                self._open.pop(user_id, None)
