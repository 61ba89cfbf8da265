"""Connections in a real browser: calendar and feed URLs with copy buttons, a token shown once, the API docs offline."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import enter_birth_data, register, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_connections_give_urls_to_copy_and_a_token_once(page, site):
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site.base) else None)
    register(page, "lin")
    enter_birth_data(page)
    expect(page.locator(".wheel svg")).to_be_visible()

    page.goto("/settings/")
    page.get_by_role("button", name="Create calendar URL").click()
    page.get_by_role("button", name="Create feed URL").click()
    calendar_url = page.locator("#calendar-url").input_value()
    assert re.fullmatch(rf"{site.base}/connect/calendar/[\w-]+\.ics", calendar_url)
    page.locator("[data-copy=calendar-url]").click()
    expect(page.locator("[data-copy=calendar-url]")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == calendar_url

    page.get_by_label("Token name").fill("home dashboard")
    page.get_by_role("button", name="Create token").click()
    token = page.locator("#new-token").input_value()
    assert token.startswith("gcp_")
    screenshot(page, "settings-connections")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scroll
    screenshot(page, "settings-connections-phone")

    page.goto("/settings/")
    expect(page.locator("#connections")).to_contain_text("home dashboard")
    assert token not in page.content()  # shown once
    assert outside == []


def test_the_api_docs_render_from_vendored_files(page, site):
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(site.base) else None)
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Spiritual G-Code API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    screenshot(page, "api-docs")
    assert outside == []


def test_the_password_reset_pages(page):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("nobody@example.org")
    screenshot(page, "password-reset")
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator("main")).to_contain_text("If an account has that address")
