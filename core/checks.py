"""System checks: configuration mistakes surface at `manage.py check`, not in production."""

from django.conf import settings
from django.core.checks import Error, Tags, register

# The example key of `.env.example` and the development default: public, so never a real secret.
PUBLIC_KEYS = (
    "replace-me-with-50-random-characters-xq7Lm2Vn9Rt4Wz8Kp3Hs6Jd1Fg5Bc0Ya",
    "development-only-key-never-use-in-production-0123456789",
)


@register(Tags.security, deploy=False)
def check_secret_key_is_not_public(app_configs, **kwargs) -> list[Error]:
    """Outside DEBUG, a key copied from `.env.example` (or the development default) is refused."""
    key = settings.SECRET_KEY
    if settings.DEBUG or not (key in PUBLIC_KEYS or key.startswith("replace-me")):
        return []
    return [
        Error(
            "SECRET_KEY is the public example key of .env.example.",
            hint='Set a secret of your own: python -c "import secrets; print(secrets.token_urlsafe(50))"',
            id="gcode.E001",
        )
    ]


@register(deploy=False)
def check_request_threads(app_configs, **kwargs) -> list[Error]:
    """At least one thread must serve requests (core/request_threads.py); daphne would refuse to start."""
    if settings.REQUEST_THREADS >= 1:
        return []
    return [
        Error(
            f"REQUEST_THREADS is {settings.REQUEST_THREADS}: no thread would serve a request.",
            hint="Set REQUEST_THREADS to 1 or more (4 by default; each keeps a database connection).",
            id="gcode.E002",
        )
    ]
