"""Saved people, relationships, their day and the year page through the client: anonymous, stranger, owner."""

import pytest
from django.urls import reverse

from core.models import DailyGCode, NatalChart, SavedPerson
from tests.support.people import londoner, save_person

pytestmark = pytest.mark.django_db


def person_form(**overrides) -> dict:
    data = {
        "name": "Kim", "relation": "child", "birth_date": "2015-09-01", "birth_time": "", "birth_time_fold": "",
        "birth_place": "London, United Kingdom", "birth_latitude": "", "birth_longitude": "", "birth_timezone": "",
    }  # fmt: skip
    return {**data, **overrides}


PERSON_PAGES = ["person-edit", "person-delete", "person-day"]


@pytest.mark.parametrize("name", ["people", "person-add", "relationship", "year"])
def test_anonymous_visitors_are_sent_to_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", PERSON_PAGES)
def test_someone_elses_person_is_a_404_on_every_page(client, owner, stranger, name):
    sam = save_person(owner)
    client.force_login(stranger)

    assert client.get(reverse(name, args=[sam.pk])).status_code == 404
    if name != "person-day":  # a read-only page: it has no POST to try
        assert client.post(reverse(name, args=[sam.pk]), person_form()).status_code == 404
    assert client.get(reverse("relationship"), {"first": str(sam.pk), "second": str(sam.pk)}).status_code == 404
    assert SavedPerson.objects.filter(pk=sam.pk, name="Sam").exists()


def test_the_people_list_shows_only_the_owners_people(owner_client, owner, stranger):
    save_person(owner, "Sam")
    save_person(stranger, "Eve")

    html = owner_client.get(reverse("people")).content.decode()

    assert "Sam" in html
    assert "Eve" not in html


def test_adding_a_person_finds_the_place_and_its_zone(owner_client, owner):
    response = owner_client.post(reverse("person-add"), person_form())

    assert response.status_code == 302
    kim = SavedPerson.objects.get(owner=owner, name="Kim")
    assert kim.birth_timezone == "Europe/London"
    assert kim.birth_latitude == pytest.approx(51.5, abs=0.1)
    assert kim.birth_time is None


def test_a_birth_time_in_a_dst_gap_is_refused_with_the_choices(owner_client, owner):
    response = owner_client.post(reverse("person-add"), person_form(birth_date="2015-03-29", birth_time="01:30"))

    assert response.status_code == 200
    assert "2015-03-29 01:30 did not exist in Europe/London" in response.content.decode()
    assert not SavedPerson.objects.filter(owner=owner).exists()


def test_the_owner_edits_and_deletes_a_person(owner_client, owner):
    sam = save_person(owner)

    owner_client.post(reverse("person-edit", args=[sam.pk]), person_form(name="Samuel"))
    sam.refresh_from_db()
    assert sam.name == "Samuel"
    owner_client.post(reverse("person-delete", args=[sam.pk]))
    assert not SavedPerson.objects.filter(pk=sam.pk).exists()


def test_their_day_is_computed_without_storing_anything(owner_client, owner, moshier_ephemeris):
    sam = save_person(owner)

    response = owner_client.get(reverse("person-day", args=[sam.pk]), {"date": "2026-11-26"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "G-Code" in html
    assert "2026-11-26" in html
    assert DailyGCode.objects.count() == 0
    assert NatalChart.objects.count() == 0


def test_the_relationship_of_me_and_a_person_shows_the_biwheel_aspects_overlays_and_reading(
    owner_client, owner, moshier_ephemeris
):
    sam = save_person(owner)

    response = owner_client.get(reverse("relationship"), {"first": "me", "second": str(sam.pk)})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-labelledby="biwheel-title biwheel-desc"' in html
    assert "Synastry aspects" in html
    assert "ada in Sam's houses" in html
    assert "Composite chart" in html
    assert "Davison chart" in html
    assert "Across" in html  # the inspiring tone's reading opens with the bond's lean


def test_two_saved_people_can_be_compared_without_the_owners_birth_data(client, stranger):
    kim, sam = save_person(stranger, "Kim", birth_time=None), save_person(stranger, "Sam")
    client.force_login(stranger)

    response = client.get(reverse("relationship"), {"first": str(kim.pk), "second": str(sam.pk)})

    assert response.status_code == 200
    assert "Kim's birth time is unknown" in response.content.decode()


def test_comparing_with_me_without_my_birth_data_leads_to_the_form(client, stranger):
    sam = save_person(stranger)
    client.force_login(stranger)

    response = client.get(reverse("relationship"), {"first": "me", "second": str(sam.pk)})

    assert response["Location"] == reverse("birth-data")


def test_the_year_page_shows_both_returns_and_the_progressed_moon(owner_client, moshier_ephemeris):
    response = owner_client.get(reverse("year"), {"year": "2027", "month": "2027-03", "on": "2026-11-26", "place": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Solar return 2027" in html
    assert "Lunar return March 2027" in html
    assert "Progressed Moon:" in html
    assert NatalChart.objects.count() == 0


def test_a_return_can_be_cast_for_another_place(owner_client, moshier_ephemeris):
    response = owner_client.get(
        reverse("year"), {"year": "2027", "month": "2027-03", "on": "2026-11-26", "place": "Tokyo"}
    )

    assert "Asia/Tokyo" in response.content.decode()


def test_the_dashboard_says_where_the_progressed_moon_is_and_until_when(owner_client, moshier_ephemeris):
    html = owner_client.get(reverse("home")).content.decode()

    assert "Your progressed Moon is in" in html
    assert "until" in html


def test_my_export_holds_my_people_and_not_anyone_elses(owner_client, owner, stranger):
    save_person(owner, "Sam")
    save_person(stranger, "Eve")

    people = owner_client.get(reverse("export")).json()["people"]

    assert [p["name"] for p in people] == ["Sam"]
    assert people[0]["birth_timezone"] == "Europe/Lisbon"
    assert people[0]["birth_time"] == "07:15:00"


def test_deleting_my_account_deletes_my_people(owner, stranger):
    save_person(owner, "Sam")
    save_person(stranger, "Eve")

    owner.delete()

    assert list(SavedPerson.objects.values_list("name", flat=True)) == ["Eve"]


def test_the_bi_wheel_downloads_as_svg_for_the_owner_only(client, owner, stranger, moshier_ephemeris):
    sam = save_person(owner)
    query = {"first": "me", "second": str(sam.pk)}
    client.force_login(stranger)
    assert client.get(reverse("relationship-svg"), {"first": sam.pk, "second": sam.pk}).status_code == 404

    client.force_login(owner)
    response = client.get(reverse("relationship-svg"), query)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == 'attachment; filename="ada-sam.svg"'
    assert response.content.decode().startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')


def test_without_a_birth_time_the_year_claims_no_lunar_return(client, moshier_ephemeris):
    owner = londoner("noon")
    owner.birth_time = None
    owner.save()
    client.force_login(owner)

    html = client.get(reverse("year"), {"year": "2027", "month": "2027-03", "on": "2026-11-26"}).content.decode()

    assert "Solar return 2027" in html
    assert "no lunar return is claimed" in html
    assert "Lunar return March 2027" not in html


def test_the_bi_wheels_inner_chart_is_styled_on_the_page_and_in_the_file(owner_client, owner, moshier_ephemeris):
    sam = save_person(owner)
    query = {"first": "me", "second": str(sam.pk)}

    page = owner_client.get(reverse("relationship"), query).content.decode()
    assert '<g class="bi-inner wheel-chart">' in page  # the page's wheel.css styles it

    svg = owner_client.get(reverse("relationship-svg"), query).content.decode()
    wheel_style = svg.split("</style><style>", 1)[1].split("</style>", 1)[0]
    assert ".wheel-chart .ring" in wheel_style
    assert "var(" not in wheel_style  # colours resolved: a file opened alone needs no page style sheet
    assert "#ff7b5c" in wheel_style  # the fire signs' colour, from the site's palette
