"""The chart page, the wheel download, place search and birth-data validation, through the client."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from core.astro import ephemeris
from core.models import NatalChart
from tests.support.people import birth_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["chart", "chart-svg", "chart-png"])
def test_anonymous_visitors_are_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_someone_without_birth_data_is_led_to_the_form(client, stranger):
    client.force_login(stranger)
    response = client.get(reverse("chart"))
    assert response.status_code == 302
    assert response["Location"] == reverse("birth-data")


def test_the_owner_sees_wheel_positions_houses_aspects_and_elements(owner_client, moshier_ephemeris):
    response = owner_client.get(reverse("chart"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "<svg" in html
    assert "24°11′ Gemini" in html
    assert "Angles and houses (Placidus)" in html
    imum_coeli = '<abbr title="Imum Coeli">IC</abbr></dt><dd><span class="el-earth" aria-hidden="true">♑</span>'
    assert f"{imum_coeli} 14°41′ Capricorn" in html
    assert '<span class="el-water" aria-hidden="true">♏</span> 6°24′ Scorpio</li>' in html  # the 2nd cusp
    assert '<th scope="col"><abbr title="Sun">☉</abbr></th>' in html
    assert '<th scope="row"><abbr title="Moon">☽</abbr></th>' in html
    assert re.search(
        r'<td class="asp-cell (tense|harmonious|neutral)" title="[^"]+, orb \d+°\d\d′, (applying|separating)">', html
    )
    assert "Sun ×2, Mercury, Ascendant ×2" in html
    assert "Weighted count: Sun, Moon, Ascendant count 2" in html
    assert "Dominant element: <strong>air</strong>" in html
    assert "Chiron is left out" in html
    assert "applying" in html


def test_the_chart_is_stored_once_and_shown_only_to_its_owner(owner_client, owner, stranger, client):
    owner_client.get(reverse("chart"))
    assert NatalChart.objects.filter(user=owner).count() == 1

    client.force_login(stranger)
    assert client.get(reverse("chart-svg")).status_code == 302  # led to their own birth data, not ada's chart
    assert not NatalChart.objects.filter(user=stranger).exists()


def test_the_wheel_downloads_as_an_svg_file(owner_client):
    response = owner_client.get(reverse("chart-svg") + "?download=1")

    assert response["Content-Type"].startswith("image/svg+xml")
    assert response["Content-Disposition"] == 'attachment; filename="natal-chart-ada.svg"'
    assert response.content.startswith(b"<?xml")


def test_changing_birth_data_recomputes_the_stored_chart(owner_client, owner):
    owner_client.get(reverse("chart"))
    response = owner_client.post(reverse("birth-data"), birth_form(birth_place="Tromso", house_system="K"))

    assert response.status_code == 302
    record = NatalChart.objects.get(user=owner)
    assert record.data["timezone"] == "Europe/Oslo"
    assert record.data["house_system_requested"] == "K"
    assert record.fingerprint.startswith(NatalChart.objects.get(user=owner).user.birth_fingerprint())


def test_a_chart_stored_on_moshier_is_recomputed_with_chiron_once_the_swiss_files_are_in_use(owner_client, owner):
    previous = ephemeris.source()
    try:
        ephemeris.configure("")
        owner_client.get(reverse("chart"))
        assert "Chiron" not in [p["name"] for p in NatalChart.objects.get(user=owner).data["points"]]

        ephemeris.configure(str(settings.INSTALLED_EPHEMERIS))
        html = owner_client.get(reverse("chart")).content.decode()
    finally:
        ephemeris.configure(previous.path)

    assert "Chiron" in [p["name"] for p in NatalChart.objects.get(user=owner).data["points"]]
    assert "Chiron is left out" not in html


def test_a_polar_birth_shows_the_fallback_not_an_error(owner_client):
    owner_client.post(
        reverse("birth-data"), birth_form(birth_date="1990-12-15", birth_time="12:00", birth_place="Tromso")
    )
    response = owner_client.get(reverse("chart"))

    assert response.status_code == 200
    assert "Porphyry houses are used instead" in response.content.decode()


def test_an_unknown_birth_time_says_time_unknown(owner_client):
    owner_client.post(reverse("birth-data"), birth_form(birth_time=""))
    html = owner_client.get(reverse("chart")).content.decode()

    assert "time unknown" in html
    assert "Houses (" not in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"birth_place": "Xyzzyville"}, "No place called “Xyzzyville”"),
        ({"birth_place": "Springfield"}, "Several places are called “Springfield”"),
        ({"birth_date": "1100-01-01"}, "outside the supported range 1200-01-10 to 2999-12-30"),
        ({"birth_place": "", "birth_latitude": "91", "birth_longitude": "0"}, "Ensure this value is less than"),
        (
            {"birth_date": "2026-03-08", "birth_time": "02:30", "birth_place": "New York City, New York"},
            "did not exist in America/New_York",
        ),
        (
            {"birth_date": "2025-11-02", "birth_time": "01:30", "birth_place": "New York City, New York"},
            "happened twice in America/New_York",
        ),
    ],
)
def test_bad_birth_data_gives_a_clear_error_and_changes_nothing(owner_client, owner, overrides, message):
    response = owner_client.post(reverse("birth-data"), birth_form(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    owner.refresh_from_db()
    assert owner.birth_place == "London"


def test_a_fold_is_accepted_once_chosen(owner_client, owner):
    data = birth_form(birth_date="2025-11-02", birth_time="01:30", birth_place="New York City, New York")
    response = owner_client.post(reverse("birth-data"), dict(data, birth_time_fold="1"))

    assert response.status_code == 302
    assert NatalChart.objects.get(user=owner).data["ut"] == "2025-11-02T06:30:00Z"


def test_place_search_suggests_places_with_timezones(owner_client):
    response = owner_client.get(reverse("place-search"), {"q": "Kathm"})

    assert response.status_code == 200
    assert response.json()["results"][0] == {
        "label": "Kathmandu, Nepal", "latitude": 27.70169, "longitude": 85.3206, "timezone": "Asia/Kathmandu",
    }  # fmt: skip


@pytest.mark.parametrize("query", ["", "x" * 101])
def test_place_search_rejects_empty_or_oversized_queries(owner_client, query):
    response = owner_client.get(reverse("place-search"), {"q": query})
    assert response.status_code == 400
    assert "error" in response.json()


def test_a_birth_on_a_supported_local_date_is_saved_whatever_its_ut_year(owner_client, owner):
    # 1 January 1800, 00:30 in Tokyo was still 31 December 1799 in UT.
    form = birth_form(birth_date="1800-01-01", birth_time="00:30", birth_place="Tokyo, Japan")
    response = owner_client.post(reverse("birth-data"), form)

    assert response.status_code == 302, response.context["form"].errors
    owner.refresh_from_db()
    assert owner.birth_date.isoformat() == "1800-01-01"
    assert owner_client.get(reverse("chart")).status_code == 200


def test_chart_settings_add_points_and_a_sidereal_zodiac_and_redraw_the_stored_chart(owner_client, owner):
    owner_client.get(reverse("chart"))
    response = owner_client.post(
        reverse("birth-data"),
        birth_form(zodiac="lahiri", lilith="mean", show_south_node="on", show_part_of_fortune="on"),
    )
    assert response.status_code == 302

    html = owner_client.get(reverse("chart")).content.decode()
    for shown in ("Sidereal (Lahiri)", "Mean Lilith", "South Node", "Part of Fortune"):
        assert shown in html
    data = NatalChart.objects.get(user=owner).data
    assert data["zodiac"] == "Sidereal (Lahiri)"
    assert {"Mean Lilith", "South Node", "Part of Fortune"} <= {p["name"] for p in data["points"]}


def test_the_downloaded_wheel_is_light_self_contained_and_titled(owner_client):
    svg = owner_client.get(reverse("chart-svg") + "?download=1").content.decode()

    assert 'class="wheel-chart print"' in svg
    assert "<style>" in svg
    assert "var(" not in svg  # colours resolved: no page style sheet needed
    assert "fill: #ffffff" in svg
    for line in ("ada", "Born 15 June 1990, 14:30 · Europe/London (UTC+01:00)", "Placidus houses · Tropical zodiac"):
        assert line in svg


def test_the_wheel_downloads_as_a_png(owner_client, stranger, client):
    response = owner_client.get(reverse("chart-png") + "?download=1")

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="natal-chart-ada.png"'
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(response.content[16:20]), int.from_bytes(response.content[20:24])
    assert (width, height) == (1440, 1632)

    client.force_login(stranger)
    assert client.get(reverse("chart-png")).status_code == 302


def test_the_chart_page_reads_the_chart_in_the_persons_tone(owner_client, owner):
    html = owner_client.get(reverse("chart")).content.decode()
    assert "Sun in Gemini, Moon in Pisces, Libra rising." in html
    assert "<dt>Sun in Gemini, 9th house</dt>" in html
    assert "Written by the local engine in your inspiring tone." in html

    owner.tone = "technical"
    owner.save()
    html = owner_client.get(reverse("chart")).content.decode()
    assert "[Sun in Gemini] identity runs in curiosity mode" in html
