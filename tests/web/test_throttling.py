"""Guessing is throttled: log-in and admin log-in lock out per username and per address, and the lock
ends by itself; sign-up is limited per address and can be closed."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessAttemptExpiration
from django.urls import reverse

from core.models import User
from tests.support.people import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, username: str, password: str, url: str = "/accounts/login/", ip: str = "203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def age_attempts(minutes: int) -> None:
    """Move every recorded failure `minutes` into the past, as if that much time had gone by."""
    past = dt.timedelta(minutes=minutes)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - past)
    for expiration in AccessAttemptExpiration.objects.all():
        AccessAttemptExpiration.objects.filter(pk=expiration.pk).update(expires_at=expiration.expires_at - past)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "ada", "wrong-guess").status_code == 200
    assert log_in(client, "ada", "wrong-guess").status_code == 429  # the last allowed failure locks

    locked = log_in(client, "ada", PASSWORD, ip="198.51.100.9")  # another address: the username is locked

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed log-ins" in page
    assert "locked for 15 minutes after the last failure" in page  # not "0:15:00"
    assert f'href="{reverse("password_reset")}"' in page  # the way out that needs nobody
    assert "_auth_user_id" not in client.session


def test_an_address_that_guesses_many_usernames_is_locked(client, owner, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"nobody{n}", "wrong-guess")

    assert log_in(client, "ada", PASSWORD).status_code == 429
    assert log_in(client, "ada", PASSWORD, ip="198.51.100.9").status_code == 302  # from elsewhere, fine


def test_the_lock_ends_by_itself_after_the_cool_off(client, owner, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "ada", "wrong-guess")
    assert log_in(client, "ada", PASSWORD).status_code == 429

    age_attempts(int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) + 1)
    response = log_in(client, "ada", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_the_admin_log_in_is_covered_too(client, settings):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "root", "wrong-guess", url="/admin/login/")

    response = log_in(client, "root", PASSWORD, url="/admin/login/")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_are_logged(client, owner, caplog):
    with caplog.at_level("WARNING"):
        log_in(client, "ada", "wrong-guess")

    assert any("login failure" in r.getMessage() and "ada" in r.getMessage() for r in caplog.records)


def register(client, username: str, ip: str = "203.0.113.7"):
    data = {"username": username, "password1": PASSWORD, "password2": PASSWORD, "schedule_timezone": "UTC"}
    return client.post(reverse("register"), data, REMOTE_ADDR=ip)


def test_registration_is_limited_per_address(client, settings):
    for n in range(settings.REGISTRATIONS_PER_IP_PER_HOUR):
        assert register(client, f"person{n}").status_code == 302
        client.logout()

    refused = register(client, "one-too-many")

    assert refused.status_code == 429
    assert "Too many accounts" in refused.content.decode()
    assert not User.objects.filter(username="one-too-many").exists()
    assert register(client, "neighbour", ip="198.51.100.9").status_code == 302


def test_a_private_server_refuses_sign_up(client, settings):
    settings.REGISTRATION_OPEN = False

    page = client.get(reverse("register"))
    attempt = register(client, "intruder")

    assert page.status_code == 403
    assert "not open" in page.content.decode()
    assert attempt.status_code == 403
    assert not User.objects.filter(username="intruder").exists()


def test_an_absurdly_long_username_is_recorded_cut_not_crashed_on(client):
    response = log_in(client, "x" * 5000, "wrong-guess")

    assert response.status_code == 200
    assert [len(a.username) for a in AccessAttempt.objects.all()] == [150]
