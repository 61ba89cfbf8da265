"""Synastry against an all-pairs computation, composite midpoints, the Davison chart and the bi-wheel."""

import datetime as dt
import random
import xml.etree.ElementTree as ET

import pytest

from core.astro.aspects import ASPECT_KINDS
from core.astro.biwheel import render_biwheel
from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.derived import composite_chart, davison_request, midpoint
from core.astro.synastry import SYNASTRY_ORBS, SYNASTRY_POLICY, synastry
from core.astro.zodiac import angular_distance

MAJORS = [k for k in ASPECT_KINDS if k.major]


def random_request(rng: random.Random, time_known: bool = True) -> ChartRequest:
    start = dt.datetime(1930, 1, 1, tzinfo=dt.UTC)
    instant = start + dt.timedelta(seconds=rng.uniform(0, 80 * 365.25 * 86400))
    return ChartRequest(instant, rng.uniform(-60, 60), rng.uniform(-180, 180), time_known=time_known)


def pairs(count: int = 20) -> list[tuple[ChartRequest, ChartRequest]]:
    rng = random.Random(1717)
    return [(random_request(rng), random_request(rng, time_known=i % 5 != 0)) for i in range(count)]


def all_pairs_aspects(first, second) -> set[tuple[str, str, str, float]]:
    """Every (first point, second point) pair tried against every major kind; the nearest within orb wins."""
    found = set()
    for p in first.points:
        for q in second.points:
            if "Moon" in (
                p.name if not first.request.time_known else "",
                q.name if not second.request.time_known else "",
            ):
                continue
            separation = angular_distance(p.longitude, q.longitude)
            bonus = 1.0 if {p.name, q.name} & {"Sun", "Moon"} else 0.0
            within = [
                (abs(separation - k.angle), k.name)
                for k in MAJORS
                if abs(separation - k.angle) <= SYNASTRY_ORBS[k.name] + bonus
            ]
            if within:
                orb, kind = min(within)
                found.add((p.name, q.name, kind, round(orb, 9)))
    return found


@pytest.mark.parametrize(("a", "b"), pairs())
def test_synastry_finds_exactly_the_aspects_of_an_all_pairs_search(a, b):
    first, second = compute_natal_chart(a), compute_natal_chart(b)

    found = synastry(first, second, SYNASTRY_POLICY).aspects

    assert {(x.first, x.second, x.kind, round(x.orb, 9)) for x in found} == all_pairs_aspects(first, second)
    assert [x.orb for x in found] == sorted(x.orb for x in found)


def test_house_overlays_go_both_ways_and_none_without_a_birth_time():
    a, b = pairs()[1]
    first, second = compute_natal_chart(a), compute_natal_chart(b)
    unknown = compute_natal_chart(ChartRequest(b.instant, b.latitude, b.longitude, time_known=False))

    both = synastry(first, second)
    one_way = synastry(first, unknown)

    assert [o.point for o in both.first_in_second] == first.names()
    assert all(o.house in range(1, 13) for o in both.first_in_second + both.second_in_first)
    assert one_way.first_in_second == ()
    assert len(one_way.second_in_first) == len(unknown.points)


@pytest.mark.parametrize(
    ("a", "b", "expected"), [(350.0, 10.0, 0.0), (10.0, 350.0, 0.0), (100.0, 200.0, 150.0), (300.0, 30.0, 345.0)]
)
def test_a_midpoint_lies_on_the_shorter_arc(a, b, expected):
    assert midpoint(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(("a", "b"), pairs(8))
def test_every_composite_point_is_the_shorter_arc_midpoint_of_the_pair(a, b):
    first, second = compute_natal_chart(a), compute_natal_chart(b)

    composite = composite_chart(first, second)

    for point in composite.points:
        if point.name in ("Ascendant", "Midheaven"):
            continue
        p, q = first.point(point.name).longitude, second.point(point.name).longitude
        half = angular_distance(p, q) / 2
        assert angular_distance(point.longitude, p) == pytest.approx(half, abs=1e-9)
        assert angular_distance(point.longitude, q) == pytest.approx(half, abs=1e-9)


def test_the_composite_mc_is_the_midpoint_of_the_mcs_when_both_times_are_known():
    a, b = pairs()[2]
    first, second = compute_natal_chart(a), compute_natal_chart(b)

    composite = composite_chart(first, second)

    expected = midpoint(first.houses.midheaven, second.houses.midheaven)
    assert angular_distance(composite.houses.midheaven, expected) < 1e-6
    assert all(p.house in range(1, 13) for p in composite.points)


def test_a_davison_chart_takes_the_mean_instant_and_crosses_the_date_line_the_short_way():
    a = ChartRequest(dt.datetime(1980, 1, 1, tzinfo=dt.UTC), 10.0, 170.0)
    b = ChartRequest(dt.datetime(1990, 1, 1, tzinfo=dt.UTC), 30.0, -170.0)

    davison = davison_request(a, b)

    assert davison.instant == dt.datetime(1984, 12, 31, 12, tzinfo=dt.UTC)
    assert davison.latitude == 20.0
    assert abs(davison.longitude) == pytest.approx(180.0)


def test_a_bi_wheel_is_one_svg_with_both_charts_planets_labelled():
    a, b = pairs()[3]
    first, second = compute_natal_chart(a), compute_natal_chart(b)

    svg = render_biwheel(first, second, "Ada and Sam", synastry(first, second).aspects)

    root = ET.fromstring(svg.split("?>", 1)[1])
    labels = [g.get("aria-label", "") for g in root.iter("{http://www.w3.org/2000/svg}g")]
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Ada and Sam"
    assert sum(label.startswith("Venus ") for label in labels) == 2
