"""Changing one's email address: a signed link goes to the new address, and only following it changes it."""

from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string

from core.models import User

SALT = "core.email-change"


class EmailChangeError(Exception):
    """A confirmation link that is broken, expired, used already, or someone else's."""


def email_change_token(user: User, new_email: str) -> str:
    # The current address is signed in as well: once the change is made (or another one), the link is spent.
    return signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=SALT)


def send_email_change_link(user: User, new_email: str, confirm_url_for: Callable[[str], str]) -> None:
    """Mail the confirmation link to the new address; nothing changes until it is followed."""
    url = confirm_url_for(email_change_token(user, new_email))
    context = {"user": user, "new_email": new_email, "url": url, "hours": settings.EMAIL_CHANGE_MAX_AGE // 3600}
    send_mail(
        "Confirm your new address for Spiritual G-Code",
        render_to_string("email/email_change.txt", context),
        None,
        [new_email],
    )


def pending_email_change(user: User, token: str) -> str:
    """The new address a link confirms for this person, or EmailChangeError."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired:
        raise EmailChangeError("This confirmation link has expired; ask for a new one.") from None
    except signing.BadSignature:
        raise EmailChangeError("This confirmation link is not valid.") from None
    if data["user"] != user.pk:
        raise EmailChangeError("This confirmation link is for another account.")
    if data["old"] != user.email:
        raise EmailChangeError("This confirmation link has been used already.")
    return data["new"]


def confirm_email_change(user: User, token: str) -> str:
    new_email = pending_email_change(user, token)
    user.email = new_email
    user.save(update_fields=["email"])
    return new_email
