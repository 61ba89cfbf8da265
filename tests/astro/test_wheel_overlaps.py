"""No text of the wheel overlaps another text or a line: 500 random charts, stelliums and polar births included.

Boxes are read back from the SVG itself (x, y, font size, centred text) with advance widths of
DejaVu Sans rounded up; the browser test measures real glyph boxes on a few of these charts.
"""

import dataclasses
import datetime as dt
import math
import random
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import pairwise

import pytest

from core.astro.chart import ChartRequest, NatalChart, compute_natal_chart
from core.astro.houses import HOUSE_SYSTEMS
from core.astro.wheel import render_wheel
from tests.support.svg import SVG, overlaps, text_boxes

N_CHARTS = 500
CELL = 24.0  # px: grid for finding the lines near a box


def segments(root) -> list[tuple[float, float, float, float]]:
    found = [tuple(float(n.get(k)) for k in ("x1", "y1", "x2", "y2")) for n in root.iter(f"{SVG}line")]
    for node in root.iter(f"{SVG}polyline"):
        points = [tuple(map(float, p.split(","))) for p in node.get("points").split()]
        found += [(*a, *b) for a, b in pairwise(points)]
    for node in root.iter(f"{SVG}path"):
        turn = rotation(node.get("transform", ""))
        for move in node.get("d").split("M")[1:]:
            start, end = move.split("L")
            found.append((*turn(*map(float, start.split())), *turn(*map(float, end.split()))))
    return found


def rotation(transform: str):
    """The point mapping of an SVG `rotate(angle cx cy)` (clockwise on screen), or the identity."""
    if not transform:
        return lambda x, y: (x, y)
    angle, cx, cy = map(float, transform.removeprefix("rotate(").removesuffix(")").split())
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return lambda x, y: (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)


def crosses(segment, box) -> bool:
    """Liang–Barsky: does the segment enter the box?"""
    x1, y1, x2, y2 = segment
    left, top, right, bottom = box[:4]
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def cuts_circle(circle, box) -> bool:
    cx, cy, r = circle
    left, top, right, bottom = box[:4]
    nearest = math.hypot(max(left - cx, 0, cx - right), max(top - cy, 0, cy - bottom))
    farthest = max(math.hypot(x - cx, y - cy) for x in (left, right) for y in (top, bottom))
    return nearest < r < farthest


def collisions(svg: str) -> list[str]:
    root = ET.fromstring(svg.encode())
    boxes = text_boxes(root)
    grid = defaultdict(list)
    for seg in segments(root):
        for i in range(int(min(seg[0], seg[2]) // CELL), int(max(seg[0], seg[2]) // CELL) + 1):
            for j in range(int(min(seg[1], seg[3]) // CELL), int(max(seg[1], seg[3]) // CELL) + 1):
                grid[i, j].append(seg)
    circles = [tuple(float(n.get(k)) for k in ("cx", "cy", "r")) for n in root.iter(f"{SVG}circle")]
    found = [f"{a[4]!r} on {b[4]!r}" for k, a in enumerate(boxes) for b in boxes[k + 1 :] if overlaps(a, b)]
    for box in boxes:
        columns = range(int(box[0] // CELL), int(box[2] // CELL) + 1)
        near = {s for i in columns for j in range(int(box[1] // CELL), int(box[3] // CELL) + 1) for s in grid[i, j]}
        found += [f"line {s} through {box[4]!r}" for s in near if crosses(s, box)]
        found += [f"circle r={c[2]} through {box[4]!r}" for c in circles if cuts_circle(c, box)]
    return found


def random_chart(rng: random.Random, polar: bool) -> NatalChart:
    instant = dt.datetime(1900, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(200 * 525_600))
    latitude = rng.choice((-1, 1)) * rng.uniform(66.6, 80.0) if polar else rng.uniform(-60, 60)
    request = ChartRequest(
        instant, latitude, rng.uniform(-180, 180), time_known=rng.random() > 0.1,
        house_system=rng.choice(list(HOUSE_SYSTEMS)), zodiac=rng.choice(("tropical", "lahiri")),
        lilith=rng.choice(("", "mean", "true")), south_node=rng.random() < 0.5, part_of_fortune=rng.random() < 0.5,
    )  # fmt: skip
    return compute_natal_chart(request)


def with_stellium(chart: NatalChart, rng: random.Random) -> NatalChart:
    """The same chart with 5 to 9 of its planets moved within 10° of one place."""
    movable = [i for i, p in enumerate(chart.points) if p.name not in ("Ascendant", "Midheaven")]
    chosen, centre = set(rng.sample(movable, rng.randint(5, 9))), rng.uniform(0, 360)
    points = tuple(
        p._replace(longitude=(centre + rng.uniform(0, 10)) % 360) if i in chosen else p
        for i, p in enumerate(chart.points)
    )
    return dataclasses.replace(chart, points=points)


def sample_charts() -> list[NatalChart]:
    rng = random.Random(16)
    charts = []
    for index in range(N_CHARTS):
        chart = random_chart(rng, polar=index % 5 == 0)
        charts.append(with_stellium(chart, rng) if index % 3 == 0 else chart)
    return charts


def test_the_sample_holds_stelliums_and_polar_charts():
    charts = sample_charts()
    assert sum(1 for c in charts if abs(c.request.latitude) > 66.5) >= 100
    assert sum(1 for c in charts if any(note for note in c.notes if "undefined at latitude" in note)) >= 10
    assert sum(1 for c in charts if max_within(c, 10.0) >= 5) >= N_CHARTS // 3


def max_within(chart: NatalChart, arc: float) -> int:
    longitudes = [p.longitude for p in chart.points if p.name not in ("Ascendant", "Midheaven")]
    return max(sum(1 for x in longitudes if (x - start) % 360 <= arc) for start in longitudes)


def test_no_text_of_the_wheel_overlaps_another_or_a_line_over_500_charts():
    failures = {}
    for index, chart in enumerate(sample_charts()):
        found = collisions(render_wheel(chart, "t"))
        if found:
            failures[index] = found[:3]
    assert not failures, f"{len(failures)} charts with collisions, e.g. {list(failures.items())[:3]}"


def test_the_checker_sees_an_overlap_when_there_is_one():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><text x="10" y="10" font-size="10" text-anchor="middle" '
        'dominant-baseline="central">AB</text><line x1="0" y1="10" x2="30" y2="10"/>'
        '<text x="14" y="12" font-size="10" text-anchor="middle" dominant-baseline="central">C</text></svg>'
    )
    assert len(collisions(svg)) == 3


@pytest.mark.parametrize("latitude", [78.2, -77.8])
def test_a_polar_chart_states_its_fallback_and_still_draws_every_point(latitude):
    chart = compute_natal_chart(ChartRequest(dt.datetime(1990, 12, 21, 11, tzinfo=dt.UTC), latitude, 15.6))
    root = ET.fromstring(render_wheel(chart, "t").encode())
    planets = [g for g in root.iter(f"{SVG}g") if g.get("class") == "planet"]
    assert len(planets) == len(chart.points) - 2
    assert not collisions(render_wheel(chart, "t"))
