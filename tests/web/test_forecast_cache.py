"""The forecast is computed once per person, chart, zone and day; new birth data or a new zone gives a fresh one."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from core.services import days as days_service
from tests.support.people import birth_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(monkeypatch) -> list[tuple]:
    """Each forecast actually computed (the real function, counted), with an empty cache to start from."""
    cache.clear()
    calls: list[tuple] = []
    real = days_service.forecast

    def counted(user, start, days):
        calls.append((user.pk, start, days))
        return real(user, start, days)

    monkeypatch.setattr(days_service, "forecast", counted)
    yield calls
    cache.clear()


def rows(response) -> list[tuple]:
    return [(d.date, d.score, d.level, d.leading) for d in response.context["forecast"]]


def test_a_second_visit_is_served_from_the_cache(owner_client, computed):
    first = owner_client.get(reverse("forecast"))
    second = owner_client.get(reverse("forecast"))

    assert len(computed) == 1
    assert rows(second) == rows(first)
    assert b"$ gcode --forecast 7d" in second.content


def test_each_span_is_cached_on_its_own(owner_client, computed):
    owner_client.get(reverse("forecast"))
    owner_client.get(reverse("forecast") + "?days=30")
    owner_client.get(reverse("forecast") + "?days=30")

    assert [days for _, _, days in computed] == [7, 30]


def test_new_birth_data_gives_a_fresh_forecast(owner_client, owner, computed):
    before = rows(owner_client.get(reverse("forecast")))

    response = owner_client.post(reverse("birth-data"), birth_form(birth_date="1984-02-29", birth_time="06:10"))
    assert response.status_code == 302
    after = rows(owner_client.get(reverse("forecast")))

    assert len(computed) == 2
    assert after != before
    assert [row[0] for row in after] == [row[0] for row in before]  # the same coming days, read for the new chart


def test_a_new_house_system_or_zone_is_a_new_forecast_and_a_new_tone_is_not(owner_client, owner, computed):
    owner_client.get(reverse("forecast"))
    owner.tone = "technical"
    owner.save()
    owner_client.get(reverse("forecast"))
    assert len(computed) == 1  # the forecast has no words: the tone does not change it

    owner.house_system = "W"
    owner.save()
    owner_client.get(reverse("forecast"))
    owner.schedule_timezone = "Asia/Tokyo"
    owner.save()
    owner_client.get(reverse("forecast"))
    assert len(computed) == 3
