"""The lean request path: what /healthz skips, the policy header built once, the day's banner kept."""

import datetime as dt

import pytest
from csp.utils import build_policy
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.services.year import moon_banner, progressed_moon_banner, progressions_on

pytestmark = pytest.mark.django_db


def test_healthz_asks_the_database_one_question_even_for_a_signed_in_browser(owner_client):
    with CaptureQueriesContext(connection) as queries:
        response = owner_client.get(reverse("healthz"))

    assert response.status_code == 200
    assert [q["sql"] for q in queries.captured_queries] == ["SELECT 1"]  # no session, no user
    assert response["Content-Length"] == str(len(response.content))
    assert "no-store" in response["Cache-Control"]  # never_cache
    assert "Cookie" not in response.get("Vary", "")  # the answer is the same for everyone


def test_every_page_gets_the_policy_django_csp_would_build(owner_client):
    response = owner_client.get(reverse("home"))

    assert response["Content-Security-Policy"] == build_policy()


def test_a_view_that_widens_its_policy_still_gets_its_own(owner_client):
    response = owner_client.get(reverse("chart-svg"))

    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in build_policy()


def test_the_progressed_moon_banner_follows_a_change_of_birth_data(owner):
    today = dt.date(2026, 11, 26)
    before = progressed_moon_banner(owner, today)
    owner.birth_date = dt.date(1961, 2, 3)
    owner.save()

    after = progressed_moon_banner(owner, today)

    assert after == moon_banner(progressions_on(owner, today), owner.schedule_timezone)
    assert after != before
