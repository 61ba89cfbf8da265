"""The personal API: tokens (hashed, revocable, rate-limited), sessions, limits, and only one's own data."""

import datetime as dt

import pytest
from django.test import Client

from core.models import AccessToken
from core.services.gcode import compute_daily_gcode, local_today
from core.services.tokens import create_access_token


@pytest.fixture
def token(owner) -> str:
    return create_access_token(owner, "home dashboard")[1]


def api(path: str, token: str | None = None, client: Client | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return (client or Client()).get(f"/api{path}", **headers)


def test_without_credentials_the_api_answers_401_not_a_login_page():
    response = api("/me")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_token_reads_its_owners_data(owner, token):
    today = local_today(owner)
    record = compute_daily_gcode(owner, today)
    assert api("/me", token).json()["username"] == "ada"
    day = api(f"/days/{today}", token).json()
    assert (day["score"], day["level"], day["themes"]) == (record.score, record.level, record.themes)
    assert api("/chart", token).json()["chart"]["points"][0]["name"] == "Sun"


def test_a_session_reads_the_api_too(owner_client):
    assert owner_client.get("/api/me").json()["username"] == "ada"


def test_the_token_is_stored_hashed_and_its_last_use_noted(owner, token):
    record = AccessToken.objects.get(user=owner)
    assert token not in (record.digest, record.hint)
    assert token.startswith(record.hint)
    assert record.last_used_at is None
    api("/me", token)
    record.refresh_from_db()
    assert record.last_used_at is not None


def test_a_revoked_token_fails_on_the_next_request(owner_client, owner, token):
    assert api("/me", token).status_code == 200
    pk = AccessToken.objects.get(user=owner).pk
    owner_client.post(f"/settings/connections/tokens/{pk}/revoke")
    assert api("/me", token).status_code == 401


def test_a_stranger_cannot_revoke_my_token(client, stranger, owner, token):
    client.force_login(stranger)
    pk = AccessToken.objects.get(user=owner).pk
    assert client.post(f"/settings/connections/tokens/{pk}/revoke").status_code == 404
    assert api("/me", token).status_code == 200


def test_a_token_reaches_only_its_owners_data(owner, stranger):
    compute_daily_gcode(owner, local_today(owner))
    theirs = create_access_token(stranger, "theirs")[1]
    assert api("/me", theirs).json()["username"] == "mallory"
    assert api(f"/days/{local_today(owner)}", theirs).status_code == 404
    assert api("/chart", theirs).status_code == 404


def test_a_range_longer_than_366_days_is_a_400_with_a_clear_message(token):
    ok = api("/days?start=2025-01-01&end=2026-01-01", token)  # 366 days
    assert ok.status_code == 200
    too_long = api("/days?start=2025-01-01&end=2026-01-02", token)
    assert too_long.status_code == 400
    assert "at most 366 days" in too_long.json()["detail"]
    assert api("/days?start=2026-01-02&end=2026-01-01", token).status_code == 400


def test_token_use_is_rate_limited_with_retry_after(settings, token):
    settings.API_TOKEN_RATE = "3/m"
    assert [api("/me", token).status_code for _ in range(3)] == [200, 200, 200]
    limited = api("/me", token)
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60


def test_a_token_never_authenticates_a_page_that_changes_data(owner, token):
    client = Client()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    for url in ("/settings/connections/tokens/", "/gcode/recalculate", "/settings/delete/"):
        response = client.post(url, {"name": "sneaky"}, **bearer)
        assert response.status_code in (302, 403), url  # to the login page, or CSRF refused: never done
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    assert AccessToken.objects.filter(user=owner).count() == 1
    assert api("/me", token, client).status_code == 200
    assert client.post("/api/me", **bearer).status_code == 405  # the API itself is read-only


def test_a_new_token_is_shown_once_on_the_settings_page(owner_client, owner):
    created = owner_client.post("/settings/connections/tokens/", {"name": "laptop"})
    record = AccessToken.objects.get(user=owner, name="laptop")
    token = created.context["new_token"]
    assert token in created.content.decode()
    assert "no-store" in created["Cache-Control"].split(", ")
    assert api("/me", token).status_code == 200
    later = owner_client.get("/settings/").content.decode()
    assert token not in later
    assert record.hint in later


def test_the_schema_and_the_offline_docs_are_served():
    schema = Client().get("/api/schema/").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/me", "/api/chart", "/api/days/{date}", "/api/days", "/api/forecast", "/api/patch-notes"} <= set(
        schema["paths"]
    )
    docs = Client().get("/api/docs/").content.decode()
    assert "vendor/swagger-ui-bundle-5.35.0.js" in docs
    assert "<script>" not in docs  # no inline script: CSP-ready
    assert "http" not in docs.split("<body>")[1].replace('href="/', "")  # nothing from a CDN


def test_the_forecast_is_computed_for_the_coming_days(owner, token):
    days = api("/forecast?days=3", token).json()
    today = local_today(owner)
    assert [d["date"] for d in days] == [(today + dt.timedelta(days=n)).isoformat() for n in range(3)]
    assert api("/forecast?days=31", token).status_code == 422


def test_the_export_names_my_tokens_but_holds_no_secret(owner_client, owner, token):
    from core.services.tokens import regenerate_url_token

    calendar_secret = regenerate_url_token(owner, "calendar")
    body = owner_client.get("/settings/export.json").content.decode()
    assert '"name": "home dashboard"' in body
    digest = AccessToken.objects.get(user=owner).digest
    assert token not in body
    assert digest not in body
    assert calendar_secret not in body
