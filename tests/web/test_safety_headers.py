"""Headers every page carries: CSP, Permissions-Policy, Referrer-Policy; personal pages are never stored."""

import pytest
from django.urls import reverse

from core.models import User
from tests.support.pages import PAGES
from tests.support.people import PASSWORD

pytestmark = pytest.mark.django_db


def assert_policies(response) -> None:
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("name", PAGES)
def test_every_personal_page_has_the_policies_and_is_not_stored(owner_client, name):
    response = owner_client.get(reverse(name))

    assert response.status_code == 200
    assert_policies(response)
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["login", "register", "healthz"])
def test_public_pages_have_the_policies_too(client, name):
    assert_policies(client.get(reverse(name)))


def test_healthz_answers_head_for_monitors(client):
    response = client.head(reverse("healthz"))

    assert response.status_code == 200


def test_the_export_file_name_survives_a_non_ascii_username(client, db):
    person = User.objects.create_user(username="zoë_ñandú", password=PASSWORD)
    client.force_login(person)
    response = client.get(reverse("export"))

    assert response.status_code == 200
    assert "filename*=utf-8''spiritual-g-code-zo%C3%AB_%C3%B1and%C3%BA.json" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    response["Content-Disposition"].encode("latin-1")  # a header a server can send
