"""The morning email over real SMTP: once per person and date, multipart, one-click unsubscribe, retries."""

import datetime as dt

import pytest
from django.test import Client

from core.models import Connections, JobRun, MorningEmail, User
from core.scheduler.sweep import sweep
from tests.support.people import londoner

DAY = dt.date(2026, 11, 24)
SEVEN_LONDON = dt.datetime(2026, 11, 24, 7, 1, tzinfo=dt.UTC)  # 07:01 in London (GMT in November)


def subscriber(username: str, at: dt.time = dt.time(7, 0)) -> User:
    person = londoner(username, email=f"{username}@example.org")
    Connections.objects.create(user=person, morning_email=True, morning_email_time=at)
    return person


@pytest.fixture
def ada(db) -> User:
    return subscriber("ada")


def parts(message) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}


def test_the_morning_email_arrives_once_with_text_and_html_carrying_the_score(ada, inbox):
    sweep(SEVEN_LONDON)

    [message] = inbox.to("ada@example.org")
    score = ada.daily_gcodes.get(date=DAY).score
    assert message["Subject"].startswith(f"G-Code {score} ")
    body = parts(message)
    assert set(body) == {"text/plain", "text/html"}
    assert f"G-Code {score}" in body["text/plain"]
    assert f"G-Code {score}" in body["text/html"]
    assert "<link" not in body["text/html"]
    assert "<img" not in body["text/html"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http")
    run = JobRun.objects.get(job="morning_email")
    assert (run.slot, run.status, run.users_done) == ("2026-11-24/Europe/London/07:00", "succeeded", 1)


def test_a_restart_and_later_sweeps_never_send_the_same_day_twice(ada, inbox):
    sweep(SEVEN_LONDON)
    JobRun.objects.filter(job="morning_email").update(status="interrupted")  # as if the process died after it
    sweep(SEVEN_LONDON + dt.timedelta(minutes=5))
    sweep(SEVEN_LONDON + dt.timedelta(hours=1))
    assert len(inbox.to("ada@example.org")) == 1
    assert MorningEmail.objects.get(user=ada, date=DAY).status == "sent"


def test_nothing_is_sent_before_the_chosen_local_time(db, inbox):
    subscriber("bo", at=dt.time(8, 30))
    sweep(SEVEN_LONDON)
    assert inbox.messages == []
    sweep(dt.datetime(2026, 11, 24, 8, 31, tzinfo=dt.UTC))
    assert len(inbox.to("bo@example.org")) == 1


def test_the_one_click_unsubscribe_post_stops_the_next_one(ada, inbox):
    sweep(SEVEN_LONDON)
    [message] = inbox.to("ada@example.org")
    url = message["List-Unsubscribe"].strip().strip("<>").split("://", 1)[1].split("/", 1)[1]

    response = Client(enforce_csrf_checks=True).post(f"/{url}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    sweep(SEVEN_LONDON + dt.timedelta(days=1))
    assert len(inbox.to("ada@example.org")) == 1


def test_a_forged_unsubscribe_link_is_refused(ada, client):
    assert client.post("/email/unsubscribe/not-a-signed-token/").status_code == 404
    assert Connections.objects.get(user=ada).morning_email is True


def test_an_smtp_failure_is_recorded_and_retried_later(ada, settings, smtp_port, inbox):
    settings.EMAIL_PORT = smtp_port + 1 if smtp_port < 65535 else smtp_port - 1  # nobody listens there
    sweep(SEVEN_LONDON)
    record = MorningEmail.objects.get(user=ada, date=DAY)
    assert (record.status, record.attempts) == ("failed", 1)
    assert "ConnectionRefusedError" in record.last_error
    run = JobRun.objects.get(job="morning_email")
    assert (run.status, run.users_failed) == ("partial", 1)
    assert "ada: " in run.error_text

    settings.EMAIL_PORT = smtp_port  # the mail server is back
    sweep(SEVEN_LONDON + dt.timedelta(minutes=5))
    record.refresh_from_db()
    assert (record.status, record.attempts) == ("sent", 2)
    assert len(inbox.to("ada@example.org")) == 1
    assert JobRun.objects.get(job="morning_email").status == "succeeded"


def test_the_settings_page_turns_the_morning_email_on_at_a_chosen_time(owner_client, owner):
    refused = owner_client.post(
        "/settings/connections/morning-email", {"morning_email": "on", "morning_email_time": "06:45"}
    )
    assert refused.status_code == 400  # no address to send it to yet
    assert "Add an email address first" in refused.content.decode()

    User.objects.filter(pk=owner.pk).update(email="ada@example.org")
    owner_client.post("/settings/connections/morning-email", {"morning_email": "on", "morning_email_time": "06:45"})
    connections = Connections.objects.get(user=owner)
    assert (connections.morning_email, connections.morning_email_time) == (True, dt.time(6, 45))
