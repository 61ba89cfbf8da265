"""The chart page's tables from a stored chart: the aspect grid's shape, positions in sign, the balance's members."""

import datetime as dt

from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.chart_json import chart_as_dict
from core.astro.chart_tables import aspect_grid, orb_text, page_tables
from core.astro.local_time import ResolvedTime

INSTANT = dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC)


def stored(**options) -> dict:
    chart = compute_natal_chart(ChartRequest(INSTANT, 51.5, -0.12, **options))
    return chart_as_dict(
        chart, ResolvedTime(INSTANT, dt.timedelta(hours=1), "Europe/London", options.get("time_known", True))
    )


def test_orbs_read_in_degrees_and_minutes_never_sixty():
    assert orb_text(2.2167) == "2°13′"
    assert orb_text(0.99999) == "0°59′"
    assert orb_text(0.0) == "0°00′"


def test_the_grid_is_a_triangle_with_glyphs_on_both_axes_and_one_cell_per_aspect():
    data = stored()
    grid = aspect_grid(data["points"], data["aspects"])
    names = [p["name"] for p in data["points"]]

    assert [c["name"] for c in grid["columns"]] == names[:-1]
    assert [r["name"] for r in grid["rows"]] == names[1:]
    assert grid["columns"][0]["glyph"] == "☉"
    assert all(len(r["cells"]) == len(names) - 1 for r in grid["rows"])
    filled = [c for r in grid["rows"] for c in r["cells"] if c]
    assert len(filled) == len(data["aspects"])
    assert {c["nature"] for c in filled} <= {"tense", "harmonious", "neutral"}


def test_angles_cusps_and_balance_say_sign_degree_minute_and_weights():
    tables = page_tables(stored())

    assert [(a["abbr"], a["position"]) for a in tables["angles"]][:2] == [
        ("AC", "11°14′ Libra"),
        ("DC", "11°14′ Aries"),
    ]
    assert tables["cusps"][0]["position"] == "11°14′ Libra"
    assert len(tables["cusps"]) == 12
    air = next(b for b in tables["balance"] if b["name"] == "air")
    assert (air["count"], air["members"]) == (5, "Sun ×2, Mercury, Ascendant ×2")
    assert tables["balance_total"] == sum(b["count"] for b in tables["balance"] if b["group"] == "elements")


def test_without_a_birth_time_there_are_no_angles_or_cusps():
    tables = page_tables(stored(time_known=False))
    assert tables["angles"] == []
    assert tables["cusps"] == []
