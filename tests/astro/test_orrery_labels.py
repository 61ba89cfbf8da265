"""The solar-system view: no planet label on another label, on a planet's dot or the Sun, or past the edge."""

import datetime as dt
import random
import xml.etree.ElementTree as ET

from core.astro.solar_system import SIZE, heliocentric_planets, render_solar_system
from tests.support.svg import SVG, overlaps, text_boxes

N_DATES = 1000


def dot_boxes(root) -> list[tuple[float, float, float, float, str]]:
    boxes = []
    for node in root.iter(f"{SVG}circle"):
        if node.get("fill") != "none":
            x, y, r = (float(node.get(k)) for k in ("cx", "cy", "r"))
            boxes.append((x - r, y - r, x + r, y + r, "dot"))
    return boxes


def test_labels_never_collide_over_a_thousand_dates():
    rng = random.Random(16)
    failures = []
    for _ in range(N_DATES):
        instant = dt.datetime(1900, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=rng.randrange(200 * 8766))
        root = ET.fromstring(render_solar_system(heliocentric_planets(instant), "t"))
        labels, dots = text_boxes(root), dot_boxes(root)
        assert len(labels) == 10  # Mercury to Pluto with the Earth, and the 0° Aries mark
        clashes = [(a[4], b[4]) for k, a in enumerate(labels) for b in labels[k + 1 :] + dots if overlaps(a, b)]
        outside = [box[4] for box in labels if box[0] < 0 or box[1] < 0 or box[2] > SIZE or box[3] > SIZE]
        if clashes or outside:
            failures.append((instant, clashes, outside))
    assert not failures, f"{len(failures)} dates, e.g. {failures[:3]}"
