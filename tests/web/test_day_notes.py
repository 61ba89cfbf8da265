"""A day's note is not lost by saving a form that did not show it."""

import datetime as dt

import pytest
from django.urls import reverse

from core.models import DayNote
from core.services.gcode import local_today

pytestmark = pytest.mark.django_db


def test_the_history_note_form_starts_with_todays_note(owner_client, owner):
    DayNote.objects.create(user=owner, date=local_today(owner), text="Shipped the release")
    html = owner_client.get(reverse("history")).content.decode()
    assert ">\nShipped the release</textarea>" in html


def test_an_empty_save_asks_before_it_deletes(owner_client, owner):
    DayNote.objects.create(user=owner, date=dt.date(2026, 11, 24), text="Shipped the release")
    response = owner_client.post(reverse("day-note"), {"date": "2026-11-24", "text": "", "next": "/history/"})

    assert response.status_code == 200
    assert "Remove the note for 2026-11-24?" in response.content.decode()
    assert DayNote.objects.filter(user=owner).exists()

    owner_client.post(reverse("day-note"), {"date": "2026-11-24", "text": "", "confirm_delete": "True"})
    assert not DayNote.objects.filter(user=owner).exists()


def test_an_empty_save_through_the_api_needs_the_confirmation_too(owner_client, owner):
    DayNote.objects.create(user=owner, date=dt.date(2026, 11, 24), text="Shipped the release")
    response = owner_client.post(
        reverse("day-note"), {"date": "2026-11-24", "text": ""}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 409
    assert DayNote.objects.filter(user=owner).exists()


def test_an_empty_save_of_a_day_without_a_note_changes_nothing(owner_client, owner):
    response = owner_client.post(reverse("day-note"), {"date": "2026-11-24", "text": ""})
    assert response.status_code == 302
    assert not DayNote.objects.exists()
