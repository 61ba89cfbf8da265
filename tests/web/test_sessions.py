"""The session store reads Django's session rows as Django's own database store does: the same rows both ways,
nothing from an expired or unknown key."""

import datetime as dt

import pytest
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_session_written_by_djangos_store_is_read_whole_and_back():
    theirs = db.SessionStore()
    theirs.update({"zone": "Europe/Lisbon", "count": 3})
    theirs.create()

    mine = SessionStore(theirs.session_key)
    assert mine.load() == {"zone": "Europe/Lisbon", "count": 3}
    mine["count"] = 4
    mine.save()
    assert db.SessionStore(theirs.session_key).load()["count"] == 4


def test_an_expired_session_is_not_read_and_loses_its_key():
    store = SessionStore()
    store["zone"] = "Asia/Tokyo"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))

    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None


def test_an_unknown_key_reads_nothing():
    unknown = SessionStore("x" * 32)
    assert unknown.load() == {}
    assert unknown.session_key is None


def test_a_person_signed_out_elsewhere_is_sent_to_the_login_page(client, owner):
    client.force_login(owner)
    assert client.get(reverse("settings")).status_code == 200
    Session.objects.all().delete()  # signed out on another device: the row is gone
    response = client.get(reverse("settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
