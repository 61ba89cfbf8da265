"""The opt-in morning email: the day's G-Code in a person's inbox, at most once per local date.

A row per person and date is claimed before sending (status "sending"), so two processes, a restart
or a rerun never send the same day twice; an SMTP failure marks it "failed" and a later sweep retries
it (up to MorningEmail.MAX_ATTEMPTS). A crash between sending and recording leaves "sending": better
one lost email than a second one.
"""

import datetime as dt
import smtplib
import zoneinfo

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.gcode.calendar_events import day_calendar_events
from core.models import Connections, DailyGCode, MailStatus, MorningEmail, User
from core.services.gcode import daily_gcode

UNSUBSCRIBE_SALT = "core.morning-email.unsubscribe"


class MorningEmailFailed(Exception):
    """The mail server refused or could not be reached; the attempt is recorded and retried later."""


def unsubscribe_token(user: User) -> str:
    # No expiry: a link in a months-old message must still stop the next one.
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def person_to_unsubscribe(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)["u"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    return User.objects.filter(pk=pk).first()


def unsubscribe(user: User) -> None:
    Connections.objects.filter(user=user).update(morning_email=False)


def wanting_morning_email(zone: str, date: dt.date, at: dt.time | None = None) -> QuerySet[User]:
    """People in a zone who asked for the morning email (at a local time) and have not had it for the date."""
    done = MorningEmail.objects.filter(user=OuterRef("pk"), date=date).filter(
        Q(status__in=[MailStatus.SENT, MailStatus.SENDING]) | Q(attempts__gte=MorningEmail.MAX_ATTEMPTS)
    )
    people = (
        User.objects.filter(schedule_timezone=zone, is_active=True, connections__morning_email=True)
        .exclude(email="").exclude(birth_date=None).exclude(birth_latitude=None).exclude(birth_longitude=None)
        .exclude(birth_timezone="")
    )  # fmt: skip
    if at is not None:
        people = people.filter(connections__morning_email_time=at)
    return people.filter(~Exists(done))


def day_moments(record: DailyGCode) -> list[tuple[str, str]]:
    """The day's exact events as (local "HH:MM", what), in the person's zone."""
    zone = zoneinfo.ZoneInfo(record.day_facts.zone)
    moments = []
    for event in day_calendar_events(record.day_facts, None):
        if isinstance(event.start, dt.datetime) and event.start.astimezone(zone).date() == record.date:
            moments.append((f"{event.start.astimezone(zone):%H:%M}", event.summary))
    return sorted(moments)


def morning_message(user: User, record: DailyGCode) -> EmailMultiAlternatives:
    unsubscribe_url = settings.SITE_URL + reverse("unsubscribe", args=[unsubscribe_token(user)])
    context = {
        "user": user, "day": record, "moments": day_moments(record), "zone": record.day_facts.zone,
        "program": record.program, "site_url": settings.SITE_URL, "unsubscribe_url": unsubscribe_url,
    }  # fmt: skip
    message = EmailMultiAlternatives(
        subject=f"G-Code {record.score} · {record.get_level_display()} · {record.date:%a %d %b %Y}",
        body=render_to_string("email/morning.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("email/morning.html", context), "text/html")
    return message


def claim(user: User, date: dt.date) -> MorningEmail | None:
    """This date's email for this person, claimed for sending; None when it is sent, being sent, or given up."""
    try:
        with transaction.atomic():
            return MorningEmail.objects.create(user=user, date=date, status=MailStatus.SENDING, attempts=1)
    except IntegrityError:
        record = MorningEmail.objects.get(user=user, date=date)
    # A failed one is retried; of two processes retrying it, the conditional update lets one through.
    retry = MorningEmail.objects.filter(
        pk=record.pk, status=MailStatus.FAILED, attempts=record.attempts, attempts__lt=MorningEmail.MAX_ATTEMPTS
    ).update(status=MailStatus.SENDING, attempts=F("attempts") + 1)
    return record if retry else None


def deliver_morning_email(user: User, date: dt.date) -> bool:
    """Send the person's morning email for a local date unless it went already; MorningEmailFailed on SMTP trouble."""
    message = morning_message(user, daily_gcode(user, date))  # composed first: a failure here claims nothing
    record = claim(user, date)
    if record is None:
        return False
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"[:1000]
        MorningEmail.objects.filter(pk=record.pk).update(status=MailStatus.FAILED, last_error=error)
        raise MorningEmailFailed(f"the morning email of {date} could not be sent: {error}") from exc
    MorningEmail.objects.filter(pk=record.pk).update(status=MailStatus.SENT, sent_at=timezone.now(), last_error="")
    return True
