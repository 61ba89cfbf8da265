"""Sign-up that works the first time, in a real browser: suggestions, namesakes, typos; the live label."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import register_with_birth_place, screenshot
from tests.support.people import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.server]
FIRST_LOOKUP_MS = 30_000  # a fresh server reads its gazetteer on the first place lookup


def test_anonymous_visitors_get_place_suggestions(page):
    page.goto("/accounts/register/")
    page.get_by_label("Birth place", exact=True).press_sequentially("Lisb", delay=50)
    expect(page.locator("#place-suggestions option[value='Lisbon, Portugal']")).to_have_count(
        1, timeout=FIRST_LOOKUP_MS
    )


def test_namesakes_are_offered_and_one_more_step_registers(page):
    register_with_birth_place(page, "sprung", place="Springfield")
    expect(page.locator("main")).to_contain_text("Several places are called “Springfield”", timeout=FIRST_LOOKUP_MS)
    expect(page.locator("main")).to_contain_text("enter your password again")
    expect(page.get_by_label("Username")).to_have_value("sprung")
    screenshot(page, "register-namesakes")

    page.get_by_label("Springfield, Illinois, United States").check()
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("[data-dashboard]")).to_be_visible()
    page.goto("/settings/birth-data/")
    expect(page.get_by_label("Birth place", exact=True)).to_have_value("Springfield, Illinois, United States")


def test_a_typo_offers_the_intended_city(page):
    register_with_birth_place(page, "typo", place="Lisbom")
    expect(page.locator("main")).to_contain_text("Did you mean Lisbon, Portugal", timeout=FIRST_LOOKUP_MS)
    expect(page.get_by_label("Lisbon, Portugal")).to_be_visible()


def test_the_live_label_recovers_after_a_short_network_blip(page):
    register_with_birth_place(page, "blip")
    status = page.locator("#live-status")
    expect(status).to_have_text("● live")

    page.context.set_offline(True)
    expect(status).to_have_attribute("data-state", "offline")
    page.wait_for_timeout(3000)  # the blip: three seconds without a network
    page.context.set_offline(False)

    expect(status).to_have_text("● live", timeout=5000)
    page.get_by_role("button", name="Recalculate").click()
    expect(page.locator("[data-run-message]")).to_have_text("Done.")
    expect(status).to_have_attribute("data-state", "live")
    assert re.fullmatch(r"● live", status.inner_text())
