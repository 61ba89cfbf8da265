"""A real daphne and a real headless chromium (Debian's, driven by Playwright)."""

import os
from pathlib import Path

import pytest

from tests.support.server import start_daphne

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required here (REQUIRE_BROWSER=1) but /usr/bin/chromium is missing")
        pytest.skip("no chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # Every test signs a new person up from 127.0.0.1: past the per-address sign-up limit.
    server = start_daphne(tmp_path_factory.mktemp("browser"), REGISTRATIONS_PER_IP_PER_HOUR="1000")
    yield server
    server.stop()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(base_url=site.base, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = csp_violations(page)
    yield page
    context.close()
    assert violations == [], "Content-Security-Policy violations on the pages this test visited"


def csp_violations(page) -> list[str]:
    """Console messages in which the browser reports a blocked script, style or connection."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    return found
