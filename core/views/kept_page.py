"""A signed-in page's HTML kept in Django's cache per version of all it shows, the CSRF token filled in per request.

Rendering the dashboard (the base template's links and static files, the note form through Django's field
templates, the includes) cost several times the rest of the request. Its HTML changes only when something
it shows changes, so it is rendered once per version of those things and kept. The key is built from the
versions themselves (the person's whole row, their chart's fingerprint, the stored record, the note, the
date, the site's templates and static files), never from a flag someone must remember to clear: a new
version makes a new key, and a kept page can never be stale or another person's.

The CSRF token is per request (masked anew each time, and a new login rotates the secret): the page is kept
with a slot where each token goes, and each request fills in its own (`core/csrf.py`).
"""

import hashlib
import operator
import secrets
from collections.abc import Callable, Iterable
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from core.csrf import get_token
from core.models import User

KEPT_PAGE_SECONDS = 24 * 3600  # a key names one version of the page: the time only bounds the memory

# Where each request's CSRF token goes. Random per process, so no text a person or a model wrote can hold it.
CSRF_SLOT = f"csrf-slot-{secrets.token_hex(16)}"


def site_release() -> str:
    """The site's templates and static files as deployed: a shared cache (Redis) never serves an older site's HTML.

    Read once per process; in development (DEBUG) on every page, since runserver reloads an edited template
    without restarting."""
    return _templates_and_static() if settings.DEBUG else _release_of_this_process()


def _templates_and_static() -> str:
    digest = hashlib.sha256(getattr(staticfiles_storage, "manifest_hash", "").encode())
    folder = Path(settings.BASE_DIR) / "templates"
    for path in sorted(folder.rglob("*.html")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_release_of_this_process = once(_templates_and_static)


def person_version(user: User) -> str:
    """Every stored value of the person (name, staff, zones, birth data, settings): any change makes a new key."""
    return repr(_person_values()(user))


@once
def _person_values() -> Callable[[User], tuple]:
    return operator.attrgetter(*(field.attname for field in User._meta.concrete_fields))


def page_key(name: str, user: User, versions: Iterable[object]) -> str:
    parts = "\x1f".join(repr(part) for part in (site_release(), person_version(user), *versions))
    return f"page:1:{name}:{user.pk}:{hashlib.sha256(parts.encode()).hexdigest()}"


def can_keep(request: HttpRequest) -> bool:
    """A page with messages to show (after a POST) is rendered for this request alone: they are shown once."""
    return not get_messages(request)


def kept_page(request: HttpRequest, key: str, render: Callable[[str], str]) -> HttpResponse:
    """The page kept under `key`, or `render(csrf_token)` rendered with the slot and kept; this request's token in."""
    html = cache.get(key)
    if html is None:
        html = render(CSRF_SLOT)
        cache.set(key, html, KEPT_PAGE_SECONDS)
    return HttpResponse(html.replace(CSRF_SLOT, get_token(request)))
