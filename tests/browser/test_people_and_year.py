"""People, a relationship's bi-wheel and the year's return charts in a real browser, at desktop and phone widths."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import enter_birth_data, register, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.server]
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


def add_person(page, name: str, date: str, time: str, place: str) -> None:
    page.goto("/people/add/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Relation").select_option("partner")
    page.get_by_label("Birth date", exact=True).fill(date)
    page.get_by_label("Birth time", exact=True).fill(time)
    page.get_by_label("Birth place", exact=True).fill(place)
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/people/$"))


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_relationship_and_the_year_at_desktop_and_phone_widths(page):
    register(page, "frida")
    enter_birth_data(page)
    add_person(page, "Diego", "1986-12-08", "09:15", "Lisbon, Portugal")
    expect(page.locator("main .people")).to_contain_text("Diego")

    page.get_by_role("link", name="Relationship").click()
    expect(page.locator("main h1")).to_contain_text('$ synastry "frida" "Diego"')
    biwheel = page.locator(".wheel svg").first
    expect(biwheel).to_be_visible()
    assert page.locator(".wheel svg .bi-planet").count() >= 10
    relationship_url = page.url

    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(relationship_url)
        expect(biwheel).to_be_visible()
        biwheel.screenshot(path=str(screenshot(page, f"relationship-{label}").with_name(f"biwheel-{label}.png")))
        assert fits_the_width(page)

        page.goto("/year/?year=2027&month=2027-03&on=2026-11-26&place=")
        expect(page.locator("main")).to_contain_text("Solar return 2027")
        expect(page.locator("main")).to_contain_text("Lunar return March 2027")
        page.locator(".wheel svg").first.screenshot(
            path=str(screenshot(page, f"year-{label}").with_name(f"solar-return-{label}.png"))
        )
        assert fits_the_width(page)

        page.goto("/people/")
        screenshot(page, f"people-{label}")
        assert fits_the_width(page)

        page.get_by_role("link", name="Their day").click()
        expect(page.locator("main h1")).to_contain_text('$ gcode --person "Diego"')
        screenshot(page, f"person-day-{label}")
        assert fits_the_width(page)
