"""The authentication backend loads the signed-in person as the ORM does, and sessions stored before it keep
their person signed in (migration 0009)."""

import datetime as dt
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import auth
from core.models import User
from core.sessions import SessionStore
from tests.support.people import PASSWORD, londoner, registration

pytestmark = pytest.mark.django_db

renaming = import_module("core.migrations.0009_sessions_name_the_person_backend")


def every_field(user: User) -> dict:
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_the_person_is_loaded_field_for_field_as_the_orm_loads_them():
    person = londoner("ada", email="ada@example.org", first_name="Ada", is_staff=True,
                      last_login=timezone.now() - dt.timedelta(days=2))  # fmt: skip
    expected = User.objects.get(pk=person.pk)

    loaded = auth.load_person(str(person.pk))  # the session holds the key as text

    assert loaded is not None
    assert every_field(loaded) == every_field(expected)
    assert {name: type(value) for name, value in every_field(loaded).items()} == {
        name: type(value) for name, value in every_field(expected).items()
    }
    assert (loaded._state.db, loaded._state.adding) == (expected._state.db, False)
    assert loaded.get_session_auth_hash() == expected.get_session_auth_hash()
    loaded.first_name = "Augusta"
    loaded.save(update_fields=["first_name"])  # a loaded person saves as a fetched one does
    assert User.objects.get(pk=person.pk).first_name == "Augusta"


@pytest.mark.parametrize("key", ["999999", "not-a-number", "", None, "1.5", "-1", str(2**63), str(10**30)])
def test_a_key_that_names_nobody_loads_nobody(key):
    londoner("ada")
    assert auth.load_person(key) is None
    assert auth.PersonBackend().get_user(key) is None


def test_an_inactive_person_is_not_signed_in():
    person = londoner("ada", is_active=False)
    assert auth.PersonBackend().get_user(person.pk) is None


def test_a_signed_in_page_reads_the_person_with_one_query_and_signing_in_names_this_backend(client):
    client.post(reverse("login"), {"username": londoner("ada").username, "password": PASSWORD})
    assert client.session[BACKEND_SESSION_KEY] == auth.PATH

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("settings")).status_code == 200
    person_reads = [q["sql"] for q in queries.captured_queries if 'FROM "core_user"' in q["sql"]]
    assert len(person_reads) == 1


def test_registering_signs_the_new_person_in_with_this_backend(client):
    client.post(reverse("register"), registration())
    assert client.session[BACKEND_SESSION_KEY] == auth.PATH
    assert client.get(reverse("settings")).status_code == 200


def session_for(person: User, backend: str) -> str:
    store = SessionStore()
    store.update({SESSION_KEY: str(person.pk), BACKEND_SESSION_KEY: backend,
                  HASH_SESSION_KEY: person.get_session_auth_hash(), "zone": "Asia/Tokyo"})  # fmt: skip
    store.create()
    return store.session_key


def rename_stored_backends() -> None:
    renaming.rename_backend(apps, SimpleNamespace(connection=connection))


def test_a_session_stored_before_this_backend_keeps_its_person_signed_in(client):
    person = londoner("ada")
    key = session_for(person, renaming.OLD)
    client.cookies["sessionid"] = key
    assert client.get(reverse("settings")).status_code == 302  # Django signs out an unknown backend

    rename_stored_backends()

    assert SessionStore(key).load()[BACKEND_SESSION_KEY] == auth.PATH
    assert SessionStore(key).load()["zone"] == "Asia/Tokyo"  # the rest of the session as it was
    response = client.get(reverse("settings"))
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == person.pk


def test_renaming_leaves_other_backends_and_unreadable_sessions_alone():
    person = londoner("ada")
    other = session_for(person, "somewhere.else.Backend")
    Session.objects.create(session_key="x" * 32, session_data="not signed",
                           expire_date=timezone.now() + dt.timedelta(days=1))  # fmt: skip

    rename_stored_backends()

    assert SessionStore(other).load()[BACKEND_SESSION_KEY] == "somewhere.else.Backend"
    assert Session.objects.get(session_key="x" * 32).session_data == "not signed"


def test_the_renaming_is_undone_when_the_migration_is_reversed():
    key = session_for(londoner("ada"), auth.PATH)
    renaming.rename_back(apps, SimpleNamespace(connection=connection))
    assert SessionStore(key).load()[BACKEND_SESSION_KEY] == renaming.OLD


def test_a_page_reads_the_person_itself_not_djangos_lazy_stand_in(client):
    client.force_login(londoner("ada"))
    signed_in = client.get(reverse("settings")).wsgi_request.user
    assert type(signed_in) is User
    assert signed_in.username == "ada"

    client.logout()
    assert type(client.get(reverse("login")).wsgi_request.user) is AnonymousUser
