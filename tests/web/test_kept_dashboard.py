"""The dashboard is kept per version of all it shows: a person never sees another's page, an old reading, an old
note or an old name; each request gets its own CSRF token; messages are shown once; a waiting page is never kept."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.models import DailyGCode
from core.services.gcode import compute_daily_gcode, local_today
from core.views.kept_page import CSRF_SLOT
from tests.support.people import londoner

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def stored(owner) -> DailyGCode:
    return compute_daily_gcode(owner, local_today(owner))


def dashboard(client: Client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_kept_page_is_the_page_rendered_anew_but_for_its_csrf_token(owner_client, stored):
    first, kept = dashboard(owner_client), dashboard(owner_client)
    assert CSRF_SLOT not in kept
    assert TOKEN.sub("", first) == TOKEN.sub("", kept)
    assert stored.program in kept


def test_each_request_gets_a_csrf_token_that_its_own_cookie_accepts(owner, stored):
    devices = [Client(enforce_csrf_checks=True) for _ in range(2)]  # two browsers, two CSRF secrets
    for device in devices:
        device.force_login(owner)
        dashboard(device)  # the first visit renders, later ones are kept
    for device in devices:
        token = TOKEN.search(dashboard(device))[1]
        saved = device.post(reverse("day-note"), {"date": stored.date.isoformat(), "text": "from this browser"})
        assert saved.status_code == 403  # no token sent: CSRF is still checked
        saved = device.post(
            reverse("day-note"),
            {"date": stored.date.isoformat(), "text": "from this browser", "csrfmiddlewaretoken": token},
        )
        assert saved.status_code == 302


def test_a_new_note_shows_on_the_kept_page(owner_client, stored):
    dashboard(owner_client)
    owner_client.post(reverse("day-note"), {"date": stored.date.isoformat(), "text": "Slow morning, bright evening"})
    saved = f"Note for {stored.date:%Y-%m-%d} saved."
    assert saved in dashboard(owner_client)  # the message, once
    page = dashboard(owner_client)
    assert "Slow morning, bright evening" in page
    assert saved not in page


def test_a_recalculation_shows_the_new_reading(owner_client, owner, stored):
    dashboard(owner_client)
    again = compute_daily_gcode(owner, stored.date)
    DailyGCode.objects.filter(pk=again.pk).update(program="G01 X5 ; the new run's program")
    assert "the new run&#x27;s program" in dashboard(owner_client)


def test_a_change_to_the_person_shows_at_once(owner_client, owner, stored):
    dashboard(owner_client)
    owner.username = "ada-lovelace"
    owner.is_staff = True
    owner.save(update_fields=["username", "is_staff"])
    page = dashboard(owner_client)
    assert "Log out (ada-lovelace)" in page
    assert reverse("staff-jobs") in page


def test_two_people_never_share_a_kept_page(client, owner, stored):
    twin = londoner("twin")  # the same birth data and zone: the same day, a page of their own
    compute_daily_gcode(twin, stored.date)
    client.force_login(owner)
    dashboard(client)
    client.force_login(twin)
    page = dashboard(client)
    assert "Log out (twin)" in page
    assert "Log out (ada)" not in page


def test_a_page_watching_a_run_is_rendered_for_that_run(owner_client, stored):
    dashboard(owner_client)
    page = owner_client.get(reverse("home") + "?run=4242").content.decode()
    assert 'data-run="4242"' in page
    assert 'data-run="4242"' not in dashboard(owner_client)


def test_a_page_waiting_for_todays_run_is_never_kept(owner_client, owner):
    assert "being calculated" in dashboard(owner_client)
    compute_daily_gcode(owner, local_today(owner))
    page = dashboard(owner_client)
    assert "being calculated" not in page
    assert DailyGCode.objects.get(user=owner).program in page
