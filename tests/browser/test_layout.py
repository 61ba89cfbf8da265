"""Every page at phone and laptop widths: nothing scrolls sideways, no element's content overflows its box.

Screenshots of each page at each width are saved as test artifacts (test-artifacts/screenshots/).
"""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.support.browser import register_with_birth_place, screenshot
from tests.support.server import manage

pytestmark = [pytest.mark.browser, pytest.mark.server]

# Every page of the site: (screenshot name, path, who sees it). New pages are added here.
PAGES = [
    ("login", "/accounts/login/", "anonymous"),
    ("register", "/accounts/register/", "anonymous"),
    ("dashboard", "/", "person"),
    ("chart", "/chart/", "person"),
    ("forecast", "/forecast/?days=30", "person"),
    ("history", "/history/", "person"),
    ("patch-notes", "/patch-notes/", "person"),
    ("solar-system", "/solar-system/", "person"),
    ("settings", "/settings/", "person"),
    ("birth-data", "/settings/birth-data/", "person"),
    ("delete-account", "/settings/delete/", "person"),
    ("password", "/accounts/password/", "person"),
    ("staff-jobs", "/staff/jobs/", "person"),
    ("people", "/people/", "person"),
    ("person-add", "/people/add/", "person"),
    ("year", "/year/", "person"),
    ("day-ahead", f"/day/{dt.date.today() + dt.timedelta(days=3):%Y-%m-%d}/", "person"),
    ("gcode-doc", "/docs/gcode/", "person"),
    ("password-reset", "/accounts/password/reset/", "anonymous"),
]
VIEWPORTS = [(390, 844), (1366, 900)]

OVERFLOWS = """() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const found = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) found.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;  // drawn shapes, not CSS boxes
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth) {
      found.push(`${describe(el)} ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def signed_in(browser, site):
    """A context signed in as a staff person with birth data (staff, so the jobs page is there too)."""
    context = browser.new_context(base_url=site.base, timezone_id="America/Sao_Paulo")
    page = context.new_page()
    page.set_default_timeout(20_000)
    register_with_birth_place(page, "wanda")
    expect(page.locator("[data-dashboard]")).to_be_visible()
    code = "from core.models import User; User.objects.filter(username='wanda').update(is_staff=True)"
    manage(site.env, "shell", "-c", code)
    yield context
    context.close()


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_no_page_overflows_sideways(browser, site, signed_in, width, height):
    anonymous = browser.new_context(base_url=site.base)
    problems = []
    try:
        for name, path, who in PAGES:
            page = (anonymous if who == "anonymous" else signed_in).new_page()
            page.set_viewport_size({"width": width, "height": height})
            page.goto(path)
            page.wait_for_load_state("networkidle")
            problems += [f"{path} at {width}: {found}" for found in page.evaluate(OVERFLOWS)]
            screenshot(page, f"{name}-{width}")
            page.close()
    finally:
        anonymous.close()
    assert problems == [], "\n".join(problems)


def test_on_a_phone_the_nav_is_one_line_and_its_menu_works_from_the_keyboard(signed_in):
    page = signed_in.new_page()
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto("/settings/")
        header = page.locator("header.topbar")
        assert header.bounding_box()["height"] < 60  # one line, not three
        expect(page.get_by_role("link", name="Forecast")).to_be_hidden()

        menu = page.get_by_role("button", name="Menu")
        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(page.get_by_role("link", name="Forecast")).to_be_visible()
        screenshot(page, "nav-open-390")
        page.keyboard.press("Escape")
        expect(page.get_by_role("link", name="Forecast")).to_be_hidden()
        expect(menu).to_be_focused()
    finally:
        page.close()
