"""Steps a person takes in the browser (sign up, birth data) and the screenshots kept as artifacts."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.support.people import PASSWORD
from tests.support.server import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


def register(page, username: str) -> None:
    page.goto("/accounts/register/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def enter_birth_data(page) -> None:
    expect(page).to_have_url(re.compile(r"/settings/birth-data/$"))
    page.get_by_label("Birth date", exact=True).fill("1990-06-15")
    page.get_by_label("Birth time", exact=True).fill("14:30")
    page.get_by_label("Birth place", exact=True).fill("London, United Kingdom")
    page.get_by_role("button", name=re.compile("Save")).click()


def register_with_birth_place(page, username: str, place: str = "London, United Kingdom") -> None:
    page.goto("/accounts/register/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_label("Birth date", exact=True).fill("1990-06-15")
    page.get_by_label("Birth time", exact=True).fill("14:30")
    page.get_by_label("Birth place", exact=True).fill(place)
    page.get_by_role("button", name="Create account").click()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
