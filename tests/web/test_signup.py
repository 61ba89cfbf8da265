"""Sign-up that works the first time: the browser's zone, place suggestions for anonymous visitors,
namesakes and typos picked in the form, DST readings offered as a choice, values kept on error."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.models import User
from core.views.charts import SEARCHES_PER_MINUTE
from tests.support.people import PASSWORD
from tests.support.people import registration as signup_data

pytestmark = pytest.mark.django_db


def registration(**overrides) -> dict:
    """Noor, born in Lisbon, found by name (no coordinates sent)."""
    place = {"birth_place": "Lisbon", "birth_latitude": "", "birth_longitude": "", "schedule_timezone": ""}
    return signup_data(**{"username": "noor", "email": "", "birth_date": "1990-06-15", "birth_time": "14:30",
                          **place, **overrides})  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_rate_counters():
    cache.clear()


def test_the_register_page_leaves_the_zone_empty_for_the_browser_to_fill(client):
    html = client.get(reverse("register")).content.decode()
    assert '<input type="hidden" name="schedule_timezone" id="id_schedule_timezone">' in html  # no "UTC" value


def test_the_browsers_zone_becomes_the_schedule_zone(client):
    client.post(reverse("register"), registration(schedule_timezone="America/Chicago"))
    assert User.objects.get(username="noor").schedule_timezone == "America/Chicago"


def test_an_unknown_browser_zone_falls_back_to_the_birth_place(client):
    client.post(reverse("register"), registration(schedule_timezone="Mars/Olympus_Mons"))
    assert User.objects.get(username="noor").schedule_timezone == "Europe/Lisbon"


def test_anonymous_visitors_get_small_place_suggestions(client):
    response = client.get(reverse("place-search"), {"q": "Lisb"})

    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0] == {"label": "Lisbon, Portugal", "latitude": 38.72509, "longitude": -9.1498,
                          "timezone": "Europe/Lisbon"}  # fmt: skip
    assert len(results) <= 8


def test_place_suggestions_are_throttled_per_address(client):
    for _ in range(SEARCHES_PER_MINUTE):
        assert client.get(reverse("place-search"), {"q": "Lon"}).status_code == 200
    refused = client.get(reverse("place-search"), {"q": "Lon"})
    other_address = client.get(reverse("place-search"), {"q": "Lon"}, REMOTE_ADDR="198.51.100.7")

    assert refused.status_code == 429
    assert other_address.status_code == 200


def test_namesakes_are_offered_and_picking_one_registers_in_one_more_step(client):
    first = client.post(reverse("register"), registration(birth_place="Springfield"))
    html = first.content.decode()
    assert 'name="place_choice" value="Springfield, Illinois, United States"' in html
    assert not User.objects.exists()

    client.post(reverse("register"), registration(birth_place="Springfield",
                                                  place_choice="Springfield, Illinois, United States"))  # fmt: skip

    person = User.objects.get(username="noor")
    assert person.birth_place == "Springfield, Illinois, United States"
    assert person.birth_timezone == "America/Chicago"


def test_a_typo_offers_the_intended_city(client):
    html = client.post(reverse("register"), registration(birth_place="Lisbom")).content.decode()
    assert "Did you mean Lisbon, Portugal" in html
    assert 'name="place_choice" value="Lisbon, Portugal"' in html


def test_a_form_error_keeps_every_value_but_the_passwords_and_says_so(client):
    html = client.post(
        reverse("register"), registration(birth_place="Springfield", email="noor@example.org")
    ).content.decode()

    assert 'value="noor"' in html
    assert 'value="noor@example.org"' in html
    assert 'value="1990-06-15"' in html
    assert 'value="Springfield"' in html
    assert PASSWORD not in html
    assert "enter your password again" in html


def test_a_time_that_never_happened_offers_both_readings_to_pick(client):
    data = registration(birth_date="2021-03-28", birth_time="01:30", birth_place="London, United Kingdom")
    html = client.post(reverse("register"), data).content.decode()
    assert "did not exist in Europe/London" in html
    assert 'value="time-02:30"' in html
    assert 'value="time-00:30"' in html

    client.post(reverse("register"), {**data, "time_choice": "time-02:30"})
    assert str(User.objects.get(username="noor").birth_time) == "02:30:00"


def test_a_time_that_happened_twice_offers_both_readings_to_pick(client):
    data = registration(birth_date="2021-10-31", birth_time="01:30", birth_place="London, United Kingdom")
    html = client.post(reverse("register"), data).content.decode()
    assert "happened twice in Europe/London" in html
    assert 'value="fold-0"' in html
    assert 'value="fold-1"' in html

    client.post(reverse("register"), {**data, "time_choice": "fold-1"})
    assert User.objects.get(username="noor").birth_time_fold == 1


def test_the_login_page_says_what_the_site_is(client):
    html = client.get(reverse("login")).content.decode()
    assert "natal chart" in html
    assert "G-Code" in html
