"""The chart page and its wheel in a real browser, at desktop and phone width, with a stellium of seven planets."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import register, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.server]
# Boxes of the wheel's texts as the browser lays them out: real advance widths of the real font,
# and the height of the font size (the glyphs' ink, not their line box).
TEXT_BOXES = """
() => [...document.querySelectorAll('.wheel svg text')].map(t => {
  const box = t.getBBox(), size = parseFloat(t.getAttribute('font-size'));
  const y = parseFloat(t.getAttribute('y'));
  return {text: t.textContent, left: box.x, right: box.x + box.width, top: y - size / 2, bottom: y + size / 2};
})
"""


SHOW_FILE = """
() => { document.body.replaceChildren(Object.assign(document.createElement('img'),
  {id: 'printed', src: '/chart.svg', alt: 'printed wheel'}));
  document.querySelector('#printed').setAttribute('width', '100%'); }
"""


def overlapping(boxes: list[dict]) -> list[str]:
    return [
        f"{a['text']!r} on {b['text']!r}"
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


def enter_stellium_birth(page) -> None:
    """5 February 1962, 08:00 in London: Sun, Moon, Mercury, Venus, Mars, Jupiter and Saturn in Aquarius."""
    expect(page).to_have_url(re.compile(r"/settings/birth-data/$"))
    page.get_by_label("Birth date", exact=True).fill("1962-02-05")
    page.get_by_label("Birth time", exact=True).fill("08:00")
    page.get_by_label("Birth place", exact=True).fill("London, United Kingdom")
    page.get_by_label("Lilith").select_option("mean")
    page.get_by_label("Show south node").check()
    page.get_by_label("Show part of fortune").check()
    page.get_by_role("button", name=re.compile("Save")).click()


def test_the_chart_page_and_its_wheel_at_desktop_and_phone_width(page):
    register(page, "vera")
    enter_stellium_birth(page)
    expect(page.locator(".wheel svg")).to_be_visible()
    expect(page.locator("[data-run-progress] progress")).to_have_attribute("value", "100")
    page.goto("/chart/")

    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        expect(page.locator(".wheel svg")).to_be_visible()
        screenshot(page, f"chart-page-{width}")
        page.locator(".wheel svg").screenshot(path=str(screenshot_path(f"chart-wheel-dark-{width}")))
        for part in ("natal-reading", "aspect-grid", "angles"):  # the full page is too tall to read at a glance
            page.locator(f".{part}").first.screenshot(path=str(screenshot_path(f"chart-{part}-{width}")))
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # the grid scrolls inside its card

    boxes = page.evaluate(TEXT_BOXES)
    assert len(boxes) > 60
    assert not overlapping(boxes)
    expect(page.locator(".aspect-grid thead abbr[title=Sun]")).to_have_text("☉")
    expect(page.locator(".aspect-grid td.asp-cell").first).to_have_attribute("title", re.compile(r" orb \d+°\d\d′, "))


def test_the_printed_wheel_in_the_browser(page):
    register(page, "rosalind")
    enter_stellium_birth(page)
    expect(page.locator(".wheel svg")).to_be_visible()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/chart/")
        # The file as a person opens it: an image scaled to the window, as a phone's viewer does.
        page.evaluate(SHOW_FILE)
        expect(page.locator("#printed")).to_have_js_property("complete", True)
        assert page.evaluate("document.querySelector('#printed').naturalWidth") == 720
        screenshot(page, f"chart-wheel-print-{width}")


def screenshot_path(name: str):
    from tests.support.browser import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"
