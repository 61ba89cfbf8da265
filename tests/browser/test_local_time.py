"""A person's day in their own timezone, in browsers set to São Paulo, Tokyo and Chicago.

The server runs on the real clock; each check holds whatever the time is (a date is taken on both
sides of the page load, so a test run across local midnight does not fail falsely).
"""

import datetime as dt
import re
import zoneinfo

import pytest
from playwright.sync_api import expect

from tests.support.browser import register_with_birth_place, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.server]
ZONES = ["America/Sao_Paulo", "Asia/Tokyo", "America/Chicago"]


def local_date(zone: str) -> dt.date:
    return dt.datetime.now(zoneinfo.ZoneInfo(zone)).date()


@pytest.fixture
def zoned_page(browser, site, request):
    context = browser.new_context(
        base_url=site.base, timezone_id=request.param, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page, request.param
    context.close()


@pytest.mark.parametrize("zoned_page", ZONES, indirect=True)
def test_the_day_and_its_times_are_the_browsers_zone(zoned_page):
    page, zone = zoned_page
    username = "p" + zone.split("/")[1].lower()[:8]
    before = local_date(zone)
    register_with_birth_place(page, username)

    expect(page.locator("[data-dashboard]")).to_be_visible(timeout=30_000)  # the first place lookup and chart
    shown = page.locator("[data-dashboard]").get_attribute("data-date")
    assert shown in {before.isoformat(), local_date(zone).isoformat()}  # the local date, not the UTC one
    expect(page.locator("[data-zone-name]")).to_have_text(zone)
    expect(page.locator("main")).to_contain_text(f"Exact ({zone})")
    expect(page.locator("[data-zone-banner]")).to_be_hidden()  # the browser agrees with the account
    screenshot(page, f"dashboard-{zone.replace('/', '-')}")

    page.goto("/settings/")
    expect(page.locator("main")).to_contain_text(f"You live by {zone}")
    expect(page.locator("[data-next-runs] li").first).to_contain_text(re.compile(rf"Daily G-Code: .* 04:00 {zone}"))

    page.goto("/patch-notes/")
    expect(page.locator("main")).to_contain_text(f"Times in the notes are local to {zone}.")


@pytest.mark.parametrize("zoned_page", ["Asia/Tokyo"], indirect=True)
def test_a_browser_in_another_zone_is_offered_a_one_click_switch(zoned_page, browser, site):
    page, _ = zoned_page
    register_with_birth_place(page, "traveller")
    expect(page.locator("[data-zone-banner]")).to_be_hidden()

    elsewhere = browser.new_context(
        base_url=site.base, timezone_id="America/Chicago", storage_state=page.context.storage_state()
    )
    other = elsewhere.new_page()
    try:
        other.goto("/")
        banner = other.locator("[data-zone-banner]")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("This browser is in America/Chicago, but your day follows Asia/Tokyo")
        screenshot(other, "dashboard-zone-banner")
        banner.get_by_role("button", name="Switch to America/Chicago").click()
        expect(other.locator(".messages")).to_contain_text("Your day now follows America/Chicago")
        expect(other.locator("[data-zone-name]")).to_have_text("America/Chicago")
        expect(banner).to_be_hidden()
    finally:
        elsewhere.close()


@pytest.mark.parametrize("zoned_page", ["America/Chicago"], indirect=True)
def test_the_zone_list_in_settings_filters_as_one_types(zoned_page):
    page, _ = zoned_page
    register_with_birth_place(page, "filterer")
    page.goto("/settings/birth-data/")
    page.get_by_label("Filter the timezones").fill("sao paulo")
    expect(page.get_by_label("Timezone I live in")).to_have_value("America/Sao_Paulo")
    page.get_by_role("button", name=re.compile("Save")).click()
    page.goto("/settings/")
    expect(page.locator("main")).to_contain_text("You live by America/Sao_Paulo")
