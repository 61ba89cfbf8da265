"""Counting limits kept in Django's cache: at most N events per key in a fixed window.

The default cache is the process's memory, right for the one-process server; with several
server processes, point CACHES at a shared cache (Redis) so the counts are shared too.
"""

import time

from django.core.cache import cache


def window_key(name: str, window_seconds: int, now: float | None = None) -> str:
    """The cache key of the current window for `name` (windows start at multiples of their length)."""
    window = int((time.time() if now is None else now) // window_seconds)
    return f"throttle:{name}:{window_seconds}:{window}"


def used(name: str, window_seconds: int) -> int:
    """How many events `name` had in the current window."""
    return cache.get(window_key(name, window_seconds), 0)


def hit(name: str, window_seconds: int) -> int:
    """Count one event and return the window's count, this one included."""
    key = window_key(name, window_seconds)
    if cache.add(key, 1, timeout=window_seconds + 1):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add and incr: this event opens the next one
        cache.add(key, 1, timeout=window_seconds + 1)
        return 1


def allow(name: str, limit: int, window_seconds: int) -> bool:
    """Count one event; False when it is beyond `limit` in the current window."""
    return hit(name, window_seconds) <= limit


def cool_down(name: str, seconds: int) -> bool:
    """True at most once per `seconds` for `name`: the first caller opens the pause, others are refused."""
    return seconds <= 0 or cache.add(f"cooldown:{name}", 1, timeout=seconds)


USERNAME_MAX_LENGTH = 150  # Django's username field


def attempted_username(request, credentials: dict | None = None) -> str | None:
    """The username a failed log-in tried, as django-axes records it: cut to the length a username can
    have, because axes stores it in a 255-character column and PostgreSQL refuses longer values."""
    fields = credentials if credentials is not None else request.POST
    username = fields.get("username")
    return username[:USERNAME_MAX_LENGTH] if isinstance(username, str) else username
