"""The rendered reading is kept per version of a stored record: a person never sees another's reading,
nor an old one after a recalculation or a zone change; a day computed on demand is never kept."""

import datetime as dt

import pytest
from django.urls import reverse

from core.models import DailyGCode
from core.services.gcode import compute_daily_gcode, local_today
from core.services.reading import day_reading
from core.views.day import reading_cache_key, rendered_reading
from tests.support.people import londoner

pytestmark = pytest.mark.django_db


def stored_today(person) -> DailyGCode:
    return compute_daily_gcode(person, local_today(person))


def test_a_recalculation_shows_the_new_reading_not_the_kept_one(owner_client, owner):
    record = stored_today(owner)
    assert record.program in owner_client.get(reverse("home")).content.decode()

    DailyGCode.objects.filter(pk=record.pk).update(program="G01 X1 ; rewritten", written_at=record.written_at)
    kept = owner_client.get(reverse("home")).content.decode()
    assert "rewritten" not in kept  # the same version of the record: the kept rendering

    recalculated = stored_today(owner)  # a run writes the day again: a new version
    DailyGCode.objects.filter(pk=recalculated.pk).update(program="G01 X2 ; the program of the new run")
    assert "the program of the new run" in owner_client.get(reverse("home")).content.decode()


def test_a_zone_change_names_the_new_zone(owner_client, owner):
    stored_today(owner)
    assert "Europe/London" in owner_client.get(reverse("home")).content.decode()

    owner.schedule_timezone = "Europe/Lisbon"
    owner.save(update_fields=["schedule_timezone"])
    record = stored_today(owner)  # Lisbon's today may differ from London's: make sure it is stored
    page = owner_client.get(reverse("home")).content.decode()
    assert "data-zone-name>Europe/Lisbon" in page
    assert record.program in page


def test_two_people_never_share_a_kept_reading(client, owner):
    twin = londoner("twin")  # the same birth data: the same day, but a reading of their own
    mine, theirs = stored_today(owner), stored_today(twin)
    DailyGCode.objects.filter(pk=theirs.pk).update(program="G01 X9 ; the twin line")

    client.force_login(twin)
    assert "the twin line" in client.get(reverse("home")).content.decode()
    client.force_login(owner)
    page = client.get(reverse("home")).content.decode()
    assert mine.program in page
    assert "the twin line" not in page
    assert reading_cache_key(mine, mine.date, "UTC") != reading_cache_key(theirs, theirs.date, "UTC")


def test_the_same_record_is_kept_apart_as_today_and_as_another_day(owner_client, owner):
    record = stored_today(owner)
    as_today = rendered_reading(record, record.date, owner)
    as_yesterday = rendered_reading(record, record.date + dt.timedelta(days=1), owner)
    assert "--today" in as_today
    assert "--today" not in as_yesterday


def test_a_day_computed_on_demand_is_never_kept(owner):
    ahead = local_today(owner) + dt.timedelta(days=3)
    computed = day_reading(owner, ahead)
    assert computed.pk is None
    assert reading_cache_key(computed, local_today(owner), owner.schedule_timezone) is None

    first = rendered_reading(computed, local_today(owner), owner)
    computed.program = "G01 X3 ; computed again after new birth data"
    again = rendered_reading(computed, local_today(owner), owner)
    assert "computed again after new birth data" not in first
    assert "computed again after new birth data" in again


def test_the_htmx_fragment_is_the_same_kept_reading(owner_client, owner):
    record = stored_today(owner)
    page = owner_client.get(reverse("home")).content.decode()
    fragment = owner_client.get(reverse("day", args=[record.date.isoformat()]), HTTP_HX_REQUEST="true")
    assert fragment.content.decode().strip() in page
