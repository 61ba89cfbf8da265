"""The main flows in a real browser: sign up, birth data, the wheel, the dashboard live, copying the program."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import enter_birth_data, register, screenshot
from tests.support.people import PASSWORD
from tests.support.server import launch_daphne, manage, start_daphne

pytestmark = [pytest.mark.browser, pytest.mark.server]
PROGRESS_RECORDER = """
window.progressSeen = [];
window.loadedOnce = true;
const bar = document.querySelector('[data-run-progress] progress');
new MutationObserver(() => window.progressSeen.push(Number(bar.value)))
  .observe(bar, {attributes: true, childList: true});
"""


MARK_SWAPPED = (  # a mark the test can wait for without evaluating script text in the page (CSP refuses eval)
    "document.querySelector('#today').addEventListener('htmx:afterSettle', () => document.body.dataset.swapped = 'yes')"
)


def test_sign_up_to_a_live_dashboard_and_copy_the_program(page):
    register(page, "grace")
    enter_birth_data(page)

    expect(page).to_have_url(re.compile(r"/chart/\?run=\d+$"))
    expect(page.locator(".wheel svg")).to_be_visible()
    expect(page.locator("[data-run-progress] progress")).to_have_attribute("value", "100")
    screenshot(page, "chart")

    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator("#live-status")).to_have_text("● live")
    expect(page.locator(".gauge svg")).to_have_attribute("aria-label", re.compile(r"^G-Code \d{1,3} of 100, \w+$"))
    program = page.locator("#today pre[id^=gcode-program]")
    expect(program).to_contain_text("G0")
    screenshot(page, "dashboard")

    page.evaluate(PROGRESS_RECORDER)
    page.evaluate(MARK_SWAPPED)
    page.get_by_role("button", name="Recalculate").click()
    expect(page.locator("[data-run-message]")).to_have_text("Done.")
    expect(page.locator("body[data-swapped=yes]")).to_have_count(1)  # the reading was fetched again and swapped in
    seen = page.evaluate("window.progressSeen")
    assert len(set(seen)) >= 3, seen  # the bar moved through the steps
    assert seen[-1] == 100
    assert page.evaluate("window.loadedOnce") is True  # updated in place: no reload

    page.get_by_role("button", name="Copy program").click()
    expect(page.locator("[data-copy-status]").first).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == program.inner_text()


MAKE_YESTERDAYS_LOOK = """
from core.models import DailyGCode
for record in DailyGCode.objects.all():
    record.score, record.level = (99, "intense") if record.level != "intense" else (5, "low")
    record.facts["transits"] = [dict(t, retrograde=not t["retrograde"]) for t in record.facts["transits"]]
    record.save()
"""


def same_spacing(html: str) -> str:
    """The markup with runs of white space as one space (a template include indents, a swap does not)."""
    return re.sub(r"\s+", " ", html).strip()


def test_a_live_update_after_a_level_change_matches_a_fresh_page_load(page, site):
    register(page, "lin")
    enter_birth_data(page)
    expect(page.locator("[data-run-progress] progress")).to_have_attribute("value", "100")
    manage(site.env, "shell", "-c", MAKE_YESTERDAYS_LOOK)  # the stored day now says another level, flipped ℞
    page.goto("/")
    expect(page.locator("#live-status")).to_have_text("● live")
    gauge = page.locator("#today .gauge svg")
    stale_label = gauge.get_attribute("aria-label")
    page.evaluate(MARK_SWAPPED)

    page.get_by_role("button", name="Recalculate").click()
    expect(page.locator("body[data-swapped=yes]")).to_have_count(1)
    live = same_spacing(page.locator("#today").inner_html())
    live_label = gauge.get_attribute("aria-label")
    page.reload()
    fresh = same_spacing(page.locator("#today").inner_html())

    assert live_label != stale_label  # the level changed, and the gauge says so
    assert live == fresh  # colour, aria-label, ℞ marks: the live page is the page a reload shows
    assert page.locator("#today .gauge svg").get_attribute("aria-label") == live_label
    screenshot(page, "dashboard-after-live-update")


def test_every_page_renders_and_is_saved_as_a_screenshot(page, site):
    for name, path in (("login", "/accounts/login/"), ("register", "/accounts/register/")):
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        screenshot(page, name)
    register(page, "hedy")
    enter_birth_data(page)
    expect(page.locator(".wheel svg")).to_be_visible()
    for name, path, check in [
        ("forecast", "/forecast/?days=30", "$ gcode --forecast 30d"),
        ("history", "/history/", "$ gcode --history"),
        ("patch-notes", "/patch-notes/", "$ cat CHANGELOG"),
        ("solar-system", "/solar-system/", "$ orrery --now"),
        ("settings", "/settings/", "$ settings"),
        ("birth-data", "/settings/birth-data/", "Birth date"),
        ("delete-account", "/settings/delete/", "$ rm -rf ~"),
        ("gcode-doc", "/docs/gcode/", "$ man gcode"),
        ("day-ahead", f"/day/{dt.date.today() + dt.timedelta(days=3)}/", "$ gcode --day"),
        ("password", "/accounts/password/", "Old password"),
    ]:
        page.goto(path)
        expect(page.locator("main")).to_contain_text(check)
        screenshot(page, name)
    page.goto("/history/")
    expect(page.locator("#history-chart")).to_have_attribute("data-ready", "true")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    expect(page.locator("#today .gauge svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scroll
    screenshot(page, "dashboard-phone")


def test_the_staff_jobs_page(page, site):
    env = dict(site.env, DJANGO_SUPERUSER_PASSWORD=PASSWORD)
    manage(env, "createsuperuser", "--noinput", "--username", "root", "--email", "root@example.org")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Log in", re.IGNORECASE)).click()
    page.goto("/staff/jobs/")
    expect(page.locator("main")).to_contain_text("Daily G-Code")
    page.get_by_role("button", name="Run now").last.click()
    expect(page.locator(".messages")).to_contain_text("Weekly cleanup started.")
    screenshot(page, "staff-jobs")


def test_keyboard_only_reaches_the_recalculate_button(page):
    register(page, "alan")
    enter_birth_data(page)
    page.goto("/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Recalculate":
            break
    else:
        pytest.fail("Recalculate was not reachable with the Tab key")
    page.keyboard.press("Enter")
    expect(page.locator("[data-run-message]")).to_have_text("Done.")


def test_the_page_says_when_it_is_offline_and_reconnects_when_the_server_returns(browser, tmp_path):
    server = start_daphne(tmp_path)
    context = browser.new_context(base_url=server.base)
    page = context.new_page()
    try:
        register(page, "ada")
        enter_birth_data(page)
        page.goto("/")
        status = page.locator("#live-status")
        expect(status).to_have_text("● live")

        server.stop()
        expect(status).to_have_text(re.compile(r"^offline · retrying in \d+ s$"))
        expect(status).to_have_attribute("data-state", "offline")

        server = launch_daphne(server.env, server.port)  # the same database and port, as after a deploy
        expect(status).to_have_text("● live", timeout=40_000)  # back-off: at most 30 s between tries
    finally:
        context.close()
        server.stop()


def test_a_page_whose_session_ended_says_signed_out_and_offers_to_log_in(page):
    register(page, "barbara")
    enter_birth_data(page)
    page.goto("/")
    status = page.locator("#live-status")
    expect(status).to_have_text("● live")

    other_tab = page.context.new_page()
    other_tab.goto("/settings/")
    other_tab.get_by_role("button", name=re.compile("Log out")).click()

    expect(status).to_have_text("signed out · log in")
    expect(status).to_have_attribute("data-state", "signed-out")
    page.wait_for_timeout(2_500)  # past the first back-off: a refused socket does not try again
    expect(status).to_have_text("signed out · log in")
    status.get_by_role("link", name="log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=%2F$"))
    screenshot(page, "signed-out-login")
