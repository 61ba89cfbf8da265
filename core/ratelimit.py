"""A fixed-window request counter per client address, kept in Django's cache."""

from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is the client's to forge unless a proxy we trust rewrites it.
    return request.META.get("REMOTE_ADDR", "unknown")


def within_rate(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request; False once the address has made more than `limit` in the current window."""
    key = f"rate:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the window expired between add() and incr(): this request opens a new one
        cache.set(key, 1, timeout=window_seconds)
        return True
