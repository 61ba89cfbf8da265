"""Who an API request is: a logged-in session, or a personal access token (rate-limited per token)."""

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth
from ninja.throttling import SimpleRateThrottle

from core.models import AccessToken, User
from core.services.tokens import authenticate_access_token


class AccessTokenAuth(HttpBearer):
    """`Authorization: Bearer gcp_…`: only here, in the read-only API, does a token count for anything."""

    def authenticate(self, request: HttpRequest, token: str) -> AccessToken | None:
        return authenticate_access_token(token)


class TokenRateThrottle(SimpleRateThrottle):
    """At most API_TOKEN_RATE requests per token; a session is not limited here (the site's own pages use it)."""

    scope = "api-token"

    def __init__(self) -> None:
        super().__init__(settings.API_TOKEN_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        # The rate is read per request so that a changed setting applies without a restart of the module.
        self.rate = settings.API_TOKEN_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        auth = getattr(request, "auth", None)
        if not isinstance(auth, AccessToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": auth.pk}


def person(request: HttpRequest) -> User:
    """The person a request speaks for, however it authenticated."""
    auth = request.auth  # type: ignore[attr-defined]
    return auth.user if isinstance(auth, AccessToken) else auth


AUTH = [AccessTokenAuth(), django_auth]
