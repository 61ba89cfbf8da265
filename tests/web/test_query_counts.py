"""The number of queries each signed-in page makes, pinned: a new one per row (an N+1) or a second read of the
same thing fails here. The person is as a day's run leaves them: chart, today's reading and patch notes stored."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.services.charts import recompute_natal_chart
from core.services.gcode import compute_daily_gcode, generate_patch_notes, local_today
from tests.support.people import save_person

pytestmark = pytest.mark.django_db

SESSION_AND_USER = 2  # every signed-in request: the session, then the person


@pytest.fixture
def after_todays_run(owner):
    cache.clear()
    recompute_natal_chart(owner)
    save_person(owner)
    save_person(owner, "Kim")
    today = local_today(owner)
    for back in range(14):  # history has rows to draw, patch notes days to list
        compute_daily_gcode(owner, today.fromordinal(today.toordinal() - back))
    for back in range(3):
        generate_patch_notes(owner, today.fromordinal(today.toordinal() - back))
    yield owner
    cache.clear()


PAGES = [
    ("home", "", SESSION_AND_USER + 2),  # today's version with its note, the reading (a first visit renders)
    ("chart", "", SESSION_AND_USER + 1),  # the stored chart
    ("forecast", "", SESSION_AND_USER + 1),  # the chart, on a first visit; the cache afterwards
    ("forecast", "?days=30", SESSION_AND_USER + 1),
    ("history", "", SESSION_AND_USER + 2),  # the days and the notes of the range
    ("patch-notes", "", SESSION_AND_USER + 3),  # today's notes, the dates before, their notes
    ("settings", "", SESSION_AND_USER + 2),  # connections, access tokens
    ("people", "", SESSION_AND_USER + 1),  # the saved people, however many
    ("year", "", SESSION_AND_USER + 0),
    ("healthz", "", 1),  # the database answers; answered before the session and the user are read
]


@pytest.mark.parametrize(("name", "query", "count"), PAGES)
def test_a_signed_in_page_makes_its_pinned_number_of_queries(
    owner_client, after_todays_run, django_assert_num_queries, name, query, count
):
    with django_assert_num_queries(count):
        response = owner_client.get(reverse(name) + query)
    assert response.status_code == 200


def test_a_kept_dashboard_reads_the_session_the_person_and_todays_version(
    owner_client, after_todays_run, django_assert_num_queries
):
    owner_client.get(reverse("home"))
    with django_assert_num_queries(SESSION_AND_USER + 1):
        response = owner_client.get(reverse("home"))
    assert response.status_code == 200


def test_a_cached_forecast_reads_nothing_but_the_session_and_the_person(
    owner_client, after_todays_run, django_assert_num_queries
):
    owner_client.get(reverse("forecast"))
    with django_assert_num_queries(SESSION_AND_USER):
        owner_client.get(reverse("forecast"))


@pytest.mark.parametrize(("offset", "count"), [(0, 3), (-3, 3), (3, 4)])
def test_a_day_page_reads_the_span_the_day_and_its_note_once(
    owner_client, after_todays_run, django_assert_num_queries, offset, count
):
    """The first stored day, the day's reading, its note; a day ahead, not stored yet, reads the chart too."""
    date = local_today(after_todays_run).fromordinal(local_today(after_todays_run).toordinal() + offset)
    with django_assert_num_queries(SESSION_AND_USER + count):
        response = owner_client.get(reverse("day", args=[date.isoformat()]))
    assert response.status_code == 200


def test_a_dashboard_waiting_for_todays_run_reads_the_run_too(owner_client, owner, django_assert_num_queries):
    recompute_natal_chart(owner)
    with django_assert_num_queries(SESSION_AND_USER + 3):  # no reading yet, the run writing it (none), the note
        response = owner_client.get(reverse("home"))
    assert b"being calculated" in response.content
