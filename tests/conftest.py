"""Fixtures shared by the whole suite: people by role, the ephemeris in use, and an empty cache."""

import pytest
from asgiref.sync import SyncToAsync
from django.conf import settings
from django.core.cache import cache
from django.db import connections

from core.astro import ephemeris
from core.models import User
from tests.support.ephemeris import use_ephemeris
from tests.support.fake_gemini import FakeGemini
from tests.support.people import PASSWORD, londoner


@pytest.fixture(autouse=True)
def empty_cache():
    """Django's cache starts and ends each test empty: rate counts, kept readings and forecasts do not carry over."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's test database, and before it is dropped, the connection of asgiref's one shared thread.

    Socket tests run their consumers' database calls in that thread; with `CONN_MAX_AGE` it keeps its connection
    between calls, as the site's threads do, and PostgreSQL refuses to drop a database someone is connected to.
    """
    yield
    SyncToAsync.single_thread_executor.submit(connections.close_all).result()


@pytest.fixture
def owner(db) -> User:
    """A person with full birth data (London, 1990-06-15 14:30)."""
    return londoner("ada")


@pytest.fixture
def stranger(db) -> User:
    """Another person, who should have no access to the owner's data."""
    return User.objects.create_user(username="mallory", password=PASSWORD)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def moshier_ephemeris():
    """The built-in Moshier ephemeris, as on an install without Swiss Ephemeris files."""
    yield from use_ephemeris("")


@pytest.fixture
def swiss_files():
    """The Swiss Ephemeris files that `make` installs; their absence is a broken install, not a skip."""
    path = settings.INSTALLED_EPHEMERIS
    assert (path / ephemeris.PLANET_FILE).is_file(), f"no Swiss Ephemeris files in {path}: run make test"
    yield from use_ephemeris(str(path))


@pytest.fixture
def gemini(settings):
    """A local server speaking the Gemini API, configured as the site's model for the test."""
    server = FakeGemini().start()
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_BASE_URL = server.base_url
    yield server
    server.shutdown()
