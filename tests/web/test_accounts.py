"""Registration, login, logout and password change through the test client."""

import datetime as dt

import pytest
from django.urls import reverse

from core.models import JobRun, User
from tests.support.people import PASSWORD, registration

pytestmark = pytest.mark.django_db


def test_registering_logs_the_person_in_and_derives_the_timezone(client):
    response = client.post(reverse("register"), registration(), follow=True)

    user = User.objects.get(username="grace")
    run = JobRun.objects.get(user=user, job="recalculate")  # today and the past 90 days, in the background
    assert response.redirect_chain[-1][0] == f"{reverse('home')}?run={run.pk}"  # the dashboard watches it
    assert response.context["user"].is_authenticated
    assert user.birth_timezone == "Asia/Kathmandu"
    assert user.birth_date == dt.date(1985, 3, 9)
    assert user.schedule_timezone == "Asia/Kathmandu"  # no browser zone sent: the birth place's
    assert b"$ gcode --today" in response.content  # the dashboard, with today's G-Code


def test_registering_without_birth_data_leads_to_the_birth_data_form(client):
    data = registration()
    for name in ("birth_date", "birth_time", "birth_place", "birth_latitude", "birth_longitude"):
        data[name] = ""
    response = client.post(reverse("register"), data, follow=True)

    assert response.context["user"].is_authenticated
    assert response.redirect_chain[-1][0] == reverse("birth-data")  # led to the form, not shown an error


def test_a_taken_username_is_refused_and_nothing_is_created(client, owner):
    response = client.post(reverse("register"), registration(username=owner.username))

    assert response.status_code == 200
    assert "A user with that username already exists." in response.content.decode()
    assert User.objects.count() == 1


def test_a_weak_password_is_refused_and_nothing_is_created(client):
    response = client.post(reverse("register"), registration(password1="password", password2="password"))

    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.exists()


def test_a_birth_date_in_the_future_is_refused(client):
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    response = client.post(reverse("register"), registration(birth_date=tomorrow))

    assert response.status_code == 200
    assert "The birth date cannot be in the future." in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(("field", "value"), [("birth_latitude", "91"), ("birth_longitude", "-180.5")])
def test_coordinates_out_of_range_are_refused(client, field, value):
    response = client.post(reverse("register"), registration(**{field: value}))

    assert response.status_code == 200
    assert "Ensure this value is" in response.content.decode()
    assert not User.objects.exists()


def test_a_birth_date_without_a_place_is_refused(client):
    response = client.post(reverse("register"), registration(birth_place="", birth_latitude="", birth_longitude=""))

    assert "Enter the birth place&#x27;s coordinates, or a place name." in response.content.decode()
    assert not User.objects.exists()


def test_registering_with_a_place_name_finds_its_coordinates_and_computes_the_chart(client):
    response = client.post(
        reverse("register"), registration(birth_place="Tromso", birth_latitude="", birth_longitude=""), follow=True
    )

    user = User.objects.get(username="grace")
    assert (user.birth_place, user.birth_timezone) == ("Tromsø, Norway", "Europe/Oslo")
    assert user.natal_chart.data["timezone"] == "Europe/Oslo"
    assert response.context["user"].is_authenticated


def test_an_unknown_timezone_is_refused(client):
    response = client.post(reverse("register"), registration(birth_timezone="Mars/Olympus_Mons"))

    assert "is not a known IANA timezone" in response.content.decode()
    assert not User.objects.exists()


def test_login_with_the_right_password_opens_the_home_page(client, owner):
    response = client.post(reverse("login"), {"username": owner.username, "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert b"$ gcode --today" in response.content


def test_login_with_a_wrong_password_says_so(client, owner):
    response = client.post(reverse("login"), {"username": owner.username, "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


@pytest.mark.parametrize("name", ["home", "birth-data", "password_change"])
def test_pages_require_login(client, name):
    url = reverse(name)
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_the_admin_refuses_a_person_who_is_not_staff(owner_client):
    response = owner_client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_logout_rejects_get(owner_client):
    response = owner_client.get(reverse("logout"))

    assert response.status_code == 405
    assert owner_client.get(reverse("home")).status_code == 200


def test_logout_by_post_ends_the_session(owner_client):
    response = owner_client.post(reverse("logout"))

    assert response.status_code == 302
    assert owner_client.get(reverse("home")).status_code == 302


def test_changing_the_password_keeps_the_person_logged_in(owner_client, owner):
    new = "comet-Harbour-77"
    response = owner_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("password_change_done")
    owner.refresh_from_db()
    assert owner.check_password(new)
    assert owner_client.get(reverse("home")).status_code == 200


def test_changing_the_password_needs_the_old_one(owner_client, owner):
    response = owner_client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "comet-Harbour-77", "new_password2": "comet-Harbour-77"},
    )

    assert "Your old password was entered incorrectly" in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_editing_birth_data_saves_it_for_this_person_only(owner_client, owner, stranger):
    response = owner_client.post(
        reverse("birth-data"),
        {
            "birth_date": "1944-07-01",
            "birth_time": "12:00",
            "birth_time_fold": "0",
            "birth_place": "Tokyo",
            "birth_latitude": "35.6895",
            "birth_longitude": "139.69171",
            "birth_timezone": "",
            "house_system": "W",
            "zodiac": "tropical",
            "tone": "poetic",
            "daily_gcode_enabled": "on",
            "schedule_timezone": "Asia/Tokyo",
        },
    )

    assert response.status_code == 302
    owner.refresh_from_db()
    stranger.refresh_from_db()
    assert (owner.birth_timezone, owner.house_system, owner.tone) == ("Asia/Tokyo", "W", "poetic")
    assert stranger.birth_date is None
