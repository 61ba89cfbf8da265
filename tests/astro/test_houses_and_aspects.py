"""House systems, the polar fallback, house placement, aspects and the element balance."""

import datetime as dt
import threading

import pytest

from core.astro import ephemeris
from core.astro.aspects import NATAL_ORBS, OrbPolicy, Point, aspect_between, aspects_within
from core.astro.chart import ChartRequest, balance_of, compute_natal_chart
from core.astro.houses import HOUSE_SYSTEMS, HouseSystemError, compute_houses, house_of
from core.astro.places import PlaceError
from core.astro.zodiac import format_degree_minute, sign_of

LONDON_1990 = ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574)
TROMSO_DECEMBER = ChartRequest(dt.datetime(1990, 12, 15, 11, 0, tzinfo=dt.UTC), 69.6489, 18.95508)


@pytest.mark.parametrize("system", list(HOUSE_SYSTEMS))
def test_every_house_system_gives_twelve_cusps_starting_near_the_ascendant(system):
    houses = compute_houses(ephemeris.julian_day(LONDON_1990.instant), 51.5, -0.12, system)

    assert houses.system == system
    assert len(houses.cusps) == 12
    if system == "W":
        assert houses.cusps[0] == pytest.approx((houses.ascendant // 30) * 30)
    elif system in "PKORCE":
        assert houses.cusps[0] == pytest.approx(houses.ascendant, abs=1e-6)


def test_a_polar_birth_falls_back_to_porphyry_and_says_so():
    chart = compute_natal_chart(TROMSO_DECEMBER)

    assert chart.houses.requested == "P"
    assert chart.houses.system == "O"
    assert any("Placidus houses are undefined at latitude 69.65°" in note for note in chart.notes)
    assert all(p.house in range(1, 13) for p in chart.points)


def test_whole_sign_needs_no_fallback_at_the_pole():
    chart = compute_natal_chart(ChartRequest(TROMSO_DECEMBER.instant, 69.6489, 18.95508, house_system="W"))
    assert not chart.houses.fell_back


def test_an_unknown_house_system_is_refused():
    with pytest.raises(HouseSystemError):
        compute_houses(2451545.0, 10, 10, "X")


def test_latitude_91_is_refused():
    with pytest.raises(PlaceError, match="Latitude 91"):
        compute_natal_chart(ChartRequest(LONDON_1990.instant, 91.0, 0.0))


def test_house_of_handles_the_wrap_at_aries():
    cusps = tuple((330.0 + 30 * i) % 360 for i in range(12))
    assert house_of(335.0, cusps) == 1
    assert house_of(5.0, cusps) == 2
    assert house_of(329.9, cusps) == 12


def test_the_chart_lists_every_point_with_sign_house_and_motion():
    chart = compute_natal_chart(LONDON_1990)

    assert chart.names()[:10] == [
        "Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto",
    ]  # fmt: skip
    assert {"True Node", "Ascendant", "Midheaven"} <= set(chart.names())
    sun = chart.point("Sun")
    assert sun.sign == "Gemini"
    assert sun.position == "24°11′ Gemini"
    assert sun.house == 9
    assert chart.point("Saturn").retrograde
    assert not sun.retrograde


def test_chiron_is_left_out_with_a_note_on_the_moshier_ephemeris(moshier_ephemeris):
    chart = compute_natal_chart(LONDON_1990)
    assert "Chiron" not in chart.names()
    assert any("Chiron is left out" in note for note in chart.notes)


def test_chiron_is_in_the_chart_on_the_swiss_files(swiss_files):
    chart = compute_natal_chart(LONDON_1990)
    chiron = chart.point("Chiron")
    assert chiron.sign == "Cancer"  # Chiron entered Cancer in 1988 and stayed until 1991
    assert not any("Chiron is left out" in note for note in chart.notes)


def test_a_folder_without_the_planet_file_falls_back_to_moshier_and_says_so(tmp_path):
    previous = ephemeris.source()
    try:
        source = ephemeris.configure(str(tmp_path))
        assert not source.files
        assert not source.chiron
        assert source.name == "built-in Moshier ephemeris"
    finally:
        ephemeris.configure(previous.path)


def test_an_unknown_birth_time_gives_no_houses_angles_or_moon_aspects():
    chart = compute_natal_chart(ChartRequest(LONDON_1990.instant, 51.5, -0.12, time_known=False))

    assert chart.houses is None
    assert "Ascendant" not in chart.names()
    assert all(p.house is None for p in chart.points)
    assert all("Moon" not in (a.first, a.second) for a in chart.aspects)
    assert any("time unknown" in note.lower() for note in chart.notes)


def test_the_mean_node_can_replace_the_true_node():
    chart = compute_natal_chart(ChartRequest(LONDON_1990.instant, 51.5, -0.12, node=ephemeris.Body.MEAN_NODE))
    assert "Mean Node" in chart.names()
    assert "True Node" not in chart.names()


def test_the_balance_counts_weighted_points_and_names_the_dominant_element():
    balance = compute_natal_chart(LONDON_1990).balance

    assert sum(balance.elements.values()) == sum(balance.modalities.values())
    assert balance.elements["air"] == max(balance.elements.values())
    assert balance.dominant_element == "air"


def test_an_aspect_closing_in_is_applying_and_one_opening_is_separating():
    policy = OrbPolicy()
    closing = aspect_between(Point("Mars", 85.0, 0.7), Point("Sun", 178.0), policy)
    opening = aspect_between(Point("Mars", 95.0, 0.7), Point("Sun", 3.0), policy)

    assert (closing.kind, closing.applying) == ("square", True)
    assert (opening.kind, opening.applying) == ("square", False)
    assert closing.orb == pytest.approx(3.0)


def test_a_retrograde_planet_applies_from_the_other_side():
    aspect = aspect_between(Point("Saturn", 95.0, -0.05), Point("Sun", 3.0), OrbPolicy())
    assert aspect.applying


def test_minor_aspects_appear_only_when_asked_for():
    points = [Point("Venus", 0.0), Point("Mars", 150.5)]
    assert aspects_within(points, OrbPolicy()) == []
    minor = aspects_within(points, OrbPolicy(include_minor=True))
    assert [a.kind for a in minor] == ["quincunx"]


def test_orbs_are_configurable():
    points = [Point("Venus", 0.0), Point("Mars", 125.0)]
    assert aspects_within(points, OrbPolicy())[0].kind == "trine"
    assert aspects_within(points, OrbPolicy(orbs=dict(NATAL_ORBS, trine=4.0))) == []


def test_degrees_are_shown_in_degrees_and_minutes_of_the_sign():
    assert format_degree_minute(29.99999) == "29°59′ Aries"
    assert sign_of(359.99) == "Pisces"
    assert format_degree_minute(-0.5) == "29°30′ Pisces"


def test_a_chart_computed_in_another_thread_uses_the_same_ephemeris_files(swiss_files):
    # The Swiss Ephemeris keeps its file path per thread; server and scheduler threads must see it too.
    here = compute_natal_chart(LONDON_1990)
    result = {}
    worker = threading.Thread(target=lambda: result.update(chart=compute_natal_chart(LONDON_1990)))
    worker.start()
    worker.join()

    there = result["chart"]
    assert there.names() == here.names()
    assert "Chiron" in there.names()
    assert [p.longitude for p in there.points] == [p.longitude for p in here.points]


TROMSO = (69.6489, 18.95508)
JD_1990 = 2447892.5  # 1990-01-01 00:00 UT


@pytest.mark.parametrize("system", ["R", "C"])
def test_a_polar_regiomontanus_or_campanus_chart_with_the_midheaven_below_the_horizon_falls_back(system):
    # Tromsø, 15 December 1990 13:00 local: the Midheaven (11°48′ Capricorn) is below the horizon.
    houses = compute_houses(ephemeris.julian_day(dt.datetime(1990, 12, 15, 12, tzinfo=dt.UTC)), *TROMSO, system)

    assert houses.requested == system
    assert houses.system == "O"
    assert f"{HOUSE_SYSTEMS[system]} houses" in houses.note
    assert "below the horizon" in houses.note
    assert houses.cusps[9] == pytest.approx(houses.midheaven, abs=1e-6)
    assert house_of(houses.midheaven, houses.cusps) == 10


@pytest.mark.parametrize("system", ["P", "K", "O", "R", "C"])
def test_at_polar_latitudes_a_quadrant_system_puts_the_angles_on_the_cusps_of_houses_1_and_10(system):
    # Every two hours of 1990 at Tromsø and at 75° south: 8,760 charts per system.
    placements = set()
    for latitude, longitude in (TROMSO, (-75.0, 123.35)):
        for hour in range(0, 24 * 365, 2):
            houses = compute_houses(JD_1990 + hour / 24, latitude, longitude, system)
            asc, mc = houses.ascendant + 1e-7, houses.midheaven + 1e-7  # just past the cusp they open
            placements.add((house_of(asc, houses.cusps), house_of(mc, houses.cusps)))

    assert placements == {(1, 10)}


def test_regiomontanus_keeps_its_own_cusps_where_the_midheaven_is_above_the_horizon():
    houses = compute_houses(ephemeris.julian_day(dt.datetime(1990, 12, 15, 0, tzinfo=dt.UTC)), *TROMSO, "R")

    assert houses.system == "R"
    assert not houses.note
    assert house_of(houses.midheaven + 1e-7, houses.cusps) == 10


@pytest.mark.parametrize(
    "request_",
    [
        LONDON_1990,
        TROMSO_DECEMBER,
        ChartRequest(LONDON_1990.instant, 51.5, -0.12, time_known=False, south_node=True, part_of_fortune=True),
        ChartRequest(LONDON_1990.instant, 51.5, -0.12, orbs=OrbPolicy(include_minor=True), lilith="mean"),
    ],
)
def test_aspects_and_balance_computed_on_first_use_match_the_points(request_):
    chart = compute_natal_chart(request_)
    claimed = [p for p in chart.points if p.name != "South Node" and (request_.time_known or p.name != "Moon")]

    assert "aspects" not in chart.__dict__  # nothing computed yet
    assert "balance" not in chart.__dict__
    assert chart.aspects == tuple(aspects_within(claimed, request_.orbs))
    assert chart.aspects is chart.aspects  # computed once
    assert chart.balance == balance_of(list(chart.points))
    assert chart == compute_natal_chart(request_)
