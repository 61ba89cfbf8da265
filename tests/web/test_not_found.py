"""A page that does not exist answers 404 in the site's own layout, with the reason when the site gave one."""

import pytest
from django.urls import reverse

from core.models import DailyGCode

pytestmark = pytest.mark.django_db


def test_an_unknown_address_is_a_404_in_the_sites_layout(client):
    response = client.get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "spiritual" in page  # the site's header
    assert "There is no page at this address." in page
    assert f'href="{reverse("login")}"' in page


def test_a_day_outside_the_range_says_why(owner_client):
    response = owner_client.get(reverse("day", args=["1990-01-01"]))
    page = response.content.decode()
    assert response.status_code == 404
    assert "1990-01-01 is outside" in page
    assert "Back to the dashboard" in page
    assert not DailyGCode.objects.exists()  # nothing computed or stored for it


def test_a_missing_person_is_named_in_words_never_by_the_models_class(owner_client):
    edit = owner_client.get(reverse("person-edit", args=[999999]))
    assert edit.status_code == 404
    assert "No saved person found matching the query" in edit.content.decode()  # Django's words for a form page

    day = owner_client.get(reverse("person-day", args=[999999]))
    assert day.status_code == 404
    assert "SavedPerson" not in day.content.decode()  # get_object_or_404 names the class: not shown
    assert "There is no page at this address." in day.content.decode()
