"""Password reset and address change, with the mail going through a real SMTP server."""

import re

from django.core.mail import send_mail

from core.models import User
from tests.support.people import PASSWORD

LINK = re.compile(r"https?://testserver(/\S+)")


def link_in(message) -> str:
    return LINK.search(message.get_content()).group(1)


def test_unset_email_url_writes_messages_as_files_under_logs_mail(settings):
    from gcode_site.settings import EMAIL_BACKEND, EMAIL_FILE_PATH, LOG_DIR

    assert EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert EMAIL_FILE_PATH == LOG_DIR / "mail"


def test_email_url_configures_smtp_with_tls(monkeypatch):
    import environ

    monkeypatch.setenv("EMAIL_URL", "smtp+tls://ada:secret@mail.example.org:587")
    config = environ.Env().email_url("EMAIL_URL")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == ("mail.example.org", 587, True)


def test_the_site_mail_reaches_a_real_smtp_server(inbox, settings):
    send_mail("hello", "body", None, ["ada@example.org"])
    [message] = inbox.to("ada@example.org")
    assert message["From"] == settings.DEFAULT_FROM_EMAIL


def test_a_reset_link_arrives_and_resets_the_password_once(client, owner, inbox):
    User.objects.filter(pk=owner.pk).update(email="ada@example.org")

    response = client.post("/accounts/password/reset/", {"email": "ada@example.org"})
    assert response.status_code == 302
    [message] = inbox.to("ada@example.org")
    link = link_in(message)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    set_url = form_page.redirect_chain[-1][0]
    new = {"new_password1": "Comet-tail-8812", "new_password2": "Comet-tail-8812"}
    assert client.post(set_url, new).status_code == 302
    assert User.objects.get(pk=owner.pk).check_password("Comet-tail-8812")

    again = client.get(link, follow=True)
    assert again.context["validlink"] is False  # the link is spent once the password changed


def test_the_reset_page_answers_the_same_for_an_unknown_address(client, owner, inbox):
    User.objects.filter(pk=owner.pk).update(email="ada@example.org")
    known = client.post("/accounts/password/reset/", {"email": "ada@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert inbox.to("nobody@example.org") == []


def test_a_new_address_changes_only_when_its_link_is_followed(owner_client, owner, inbox):
    User.objects.filter(pk=owner.pk).update(email="ada@example.org")
    response = owner_client.post("/settings/email/", {"new_email": "ada@new.example", "password": PASSWORD})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.email == "ada@example.org"
    [message] = inbox.to("ada@new.example")
    link = link_in(message)

    assert owner_client.get(link).status_code == 200
    owner.refresh_from_db()
    assert owner.email == "ada@example.org"  # a GET never changes it
    owner_client.post(link)
    owner.refresh_from_db()
    assert owner.email == "ada@new.example"
    assert owner_client.post(link).status_code == 400  # spent


def test_an_address_change_needs_the_password(owner_client, inbox):
    response = owner_client.post("/settings/email/", {"new_email": "ada@new.example", "password": "wrong"})
    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert inbox.messages == []


def test_someone_elses_confirmation_link_does_not_change_my_address(client, owner, stranger, inbox):
    User.objects.filter(pk=owner.pk).update(email="ada@example.org")
    client.force_login(owner)
    client.post("/settings/email/", {"new_email": "mallory@evil.example", "password": PASSWORD})
    link = link_in(inbox.to("mallory@evil.example")[0])
    client.force_login(stranger)
    assert client.post(link).status_code == 400
    stranger.refresh_from_db()
    assert stranger.email == ""
