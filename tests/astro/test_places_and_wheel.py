"""The offline gazetteer and the SVG wheel."""

import datetime as dt
import itertools
import xml.etree.ElementTree as ET

import pytest

from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.places import PlaceError, find_place, search_places, timezone_at
from core.astro.wheel import MIN_GLYPH_GAP, render_wheel, spread
from core.astro.zodiac import angular_distance

SVG = "{http://www.w3.org/2000/svg}"


def test_a_place_is_found_by_name_with_its_timezone():
    place = find_place("Tromso")
    assert (place.name, place.country, place.timezone) == ("Tromsø", "Norway", "Europe/Oslo")
    assert place.latitude == pytest.approx(69.65, abs=0.01)


def test_namesakes_are_told_apart_by_region_or_country():
    assert find_place("Springfield, Illinois").timezone == "America/Chicago"
    assert find_place("London, Canada").timezone == "America/Toronto"
    assert find_place("London, United Kingdom").region == "England"


def test_an_ambiguous_name_lists_the_namesakes():
    with pytest.raises(PlaceError, match=r"Several places are called “Springfield”.*Illinois"):
        find_place("Springfield")


def test_a_far_larger_namesake_is_taken_without_asking():
    assert find_place("London").country_code == "GB"


@pytest.mark.parametrize("query", ["", "   ", "Xyzzyville", ", France"])
def test_unknown_or_empty_names_give_a_clear_error(query):
    with pytest.raises(PlaceError):
        find_place(query)


def test_search_suggests_by_prefix_with_labels_that_find_the_place_again():
    results = search_places("Kathm")
    assert results[0].label == "Kathmandu, Nepal"
    assert find_place(results[0].label).timezone == "Asia/Kathmandu"


def test_coordinates_give_the_timezone_offline():
    assert timezone_at(27.7, 85.32) == "Asia/Kathmandu"
    assert timezone_at(-31.55, 159.08) == "Australia/Lord_Howe"
    with pytest.raises(PlaceError):
        timezone_at(91, 0)


def test_clustered_glyphs_are_spread_apart():
    shown = spread([100.0, 101.0, 101.5, 102.0, 250.0])
    ordered = sorted(shown)
    gaps = [b - a for a, b in itertools.pairwise(ordered)]
    assert min(gaps) >= MIN_GLYPH_GAP - 1e-6
    assert angular_distance(shown[4], 250.0) < 1e-9


def test_the_wheel_is_a_valid_accessible_svg():
    chart = compute_natal_chart(ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.5, -0.12))
    svg = render_wheel(chart, "Natal chart of ada & co")
    root = ET.fromstring(svg.encode())

    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Natal chart of ada & co"
    labels = [g.get("aria-label") for g in root.iter(f"{SVG}g") if g.get("aria-label")]
    assert "Sun 24°11′ Gemini, house 9" in labels
    assert "Saturn 24°01′ Capricorn, house 4, retrograde" in labels
    assert any(label.startswith("Ascendant") for label in labels)
    assert any(label.startswith("Midheaven") for label in labels)
    assert len([g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("aspect")]) > 0
    assert sum(1 for t in root.iter(f"{SVG}text") if t.get("class") == "house-number") == 12


def test_a_wheel_without_birth_time_has_no_houses_or_angles():
    chart = compute_natal_chart(
        ChartRequest(dt.datetime(1990, 6, 15, 11, tzinfo=dt.UTC), 51.5, -0.12, time_known=False)
    )
    root = ET.fromstring(render_wheel(chart, "t").encode())
    assert not [t for t in root.iter(f"{SVG}text") if t.get("class") in ("house-number", "angle-label")]
