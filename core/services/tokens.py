"""Secrets that reach a person's data without a session: calendar and feed URLs, personal access tokens."""

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from core.models import AccessToken, Connections, User

TOKEN_PREFIX = "gcp_"  # noqa: S105 (a prefix, recognisable in a leaked-secret scan)
LAST_USE_RESOLUTION = dt.timedelta(minutes=1)  # "last used" to the minute, not one write per request
URL_TOKEN_KINDS = ("calendar", "feed")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def connections_of(user: User) -> Connections:
    """The person's connections; an unsaved default when they never set any (reading must not write)."""
    try:
        return user.connections
    except Connections.DoesNotExist:
        return Connections(user=user)


def regenerate_url_token(user: User, kind: str) -> str:
    """A new secret for the calendar or feed URL; the old URL stops working at once."""
    if kind not in URL_TOKEN_KINDS:
        raise ValueError(f"no {kind} token")
    token = new_secret()
    Connections.objects.update_or_create(user=user, defaults={f"{kind}_token": token})
    return token


def person_by_url_token(kind: str, token: str) -> User | None:
    if kind not in URL_TOKEN_KINDS or not token:
        return None
    found = Connections.objects.filter(**{f"{kind}_token": token, "user__is_active": True}).select_related("user")
    connections = found.first()
    return connections.user if connections else None


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_access_token(user: User, name: str) -> tuple[AccessToken, str]:
    """A new named token; the plain token is returned this once and only its digest is stored."""
    token = TOKEN_PREFIX + new_secret()
    record = AccessToken.objects.create(user=user, name=name, digest=digest_of(token), hint=token[:10])
    return record, token


def authenticate_access_token(token: str) -> AccessToken | None:
    """The live token behind a presented secret (its owner loaded), its last use noted; None if unknown."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    record = AccessToken.objects.filter(digest=digest_of(token), user__is_active=True).select_related("user").first()
    if record is None:
        return None
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at >= LAST_USE_RESOLUTION:
        AccessToken.objects.filter(pk=record.pk).update(last_used_at=now)
        record.last_used_at = now
    return record


def revoke_access_token(user: User, pk: int) -> bool:
    """Delete one of the person's tokens; False when there is no such token of theirs."""
    return AccessToken.objects.filter(user=user, pk=pk).delete()[0] > 0
