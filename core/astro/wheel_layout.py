"""Where things go on the wheel: rings, radii, text sizes, and spreading crowded labels apart.

The radii below are chosen together: each planet is a column of texts along its radius
(glyph, degree, sign, minute, retrograde mark) and two texts of one column, or of two columns
`MIN_GLYPH_GAP` apart, never overlap, whatever the angle; lines stay in bands that hold no text.
"""

import math
from math import cos, radians, sin
from typing import NamedTuple

from core.astro.zodiac import normalize

SIZE = 720
CENTER = SIZE / 2
R_OUTER, R_SIGNS = 272.0, 236.0  # the sign band
R_SIGN_GLYPH = (R_OUTER + R_SIGNS) / 2
R_TICKS = 226.0  # degree ticks run from R_SIGNS in to here
R_LEADER = 219.0  # a planet's pointer runs from R_TICKS to here, then along this circle to its column
R_HOUSES_OUT, R_HOUSES_IN = 112.0, 90.0  # the house band: cusps and house numbers; aspects inside it
R_OUTER_LABEL = R_OUTER + 12.0  # nearest edge of a cusp or angle label
COLUMN = (  # (part, radius, font size) of a planet's column, outside in
    ("glyph", 204.0, 19.0),
    ("degree", 179.0, 11.0),
    ("sign", 159.0, 12.0),
    ("minute", 140.0, 9.0),
    ("retro", 122.0, 10.0),
)
LABEL_FONT = 11.0
HOUSE_NUMBER_FONT = 10.0
MIN_GLYPH_GAP = 8.0  # degrees between neighbouring planet columns
MIN_LABEL_GAP = 12.5  # degrees between neighbouring cusp and angle labels
MIN_HOUSE_FOR_NUMBER = 10.0  # narrower houses leave their number to the table below the wheel
# Advance widths in em, rounded up from DejaVu Sans; symbols (planet and sign glyphs) count a full em.
EM_WIDTHS = {" ": 0.32, "°": 0.5, "′": 0.35, "℞": 0.9}


class Box(NamedTuple):
    """An axis-aligned rectangle on screen: centre and half sizes."""

    x: float
    y: float
    half_width: float
    half_height: float


def char_width(char: str) -> float:
    if char in EM_WIDTHS:
        return EM_WIDTHS[char]
    if char.isdigit():
        return 0.64
    if char.isascii():
        return 0.72 if char.isupper() else 0.62
    return 1.0


def text_width(content: str, font_size: float) -> float:
    return sum(char_width(c) for c in content) * font_size


def xy(longitude: float, radius: float, reference: float) -> tuple[float, float]:
    """Screen point of a longitude: the reference (Ascendant) at nine o'clock, counter-clockwise."""
    theta = radians(longitude - reference)
    return round(CENTER - radius * cos(theta), 2), round(CENTER + radius * sin(theta), 2)


def along(longitude: float, reference: float, *radii: float) -> list[tuple[float, float]]:
    """The screen points of one longitude at several radii (`xy` for each, its angle computed once)."""
    theta = radians(longitude - reference)
    x, y = cos(theta), sin(theta)
    return [(round(CENTER - radius * x, 2), round(CENTER + radius * y, 2)) for radius in radii]


def outside_ring(longitude: float, reference: float, width: float, height: float) -> tuple[float, float]:
    """Centre of a width × height box set just outside the wheel at a longitude, its nearest edge on R_OUTER_LABEL."""
    theta = math.radians(longitude - reference)
    ux, uy = -math.cos(theta), math.sin(theta)
    reach = abs(ux) * width / 2 + abs(uy) * height / 2  # the box's half extent along the radius
    return xy(longitude, R_OUTER_LABEL + reach, reference)


def arc_points(start: float, end: float, radius: float, reference: float) -> list[tuple[float, float]]:
    """Points every degree or so along a circle from one longitude to another, the short way round."""
    delta = (end - start + 180.0) % 360.0 - 180.0
    steps = max(1, math.ceil(abs(delta)))
    thetas = [radians(start + delta * k / steps - reference) for k in range(steps + 1)]  # `xy` of each
    return [(round(CENTER - radius * cos(theta), 2), round(CENTER + radius * sin(theta), 2)) for theta in thetas]


def spread(longitudes: list[float], gap: float = MIN_GLYPH_GAP) -> list[float]:
    """Display longitudes, pushed apart so that no two are closer than `gap` degrees.

    Neighbours closer than `gap` merge into a cluster laid out evenly around its mean; the
    circle is cut at its widest empty arc so that clusters never straddle the cut.
    """
    if len(longitudes) < 2:
        return [normalize(x) for x in longitudes]
    order = sorted(range(len(longitudes)), key=lambda i: normalize(longitudes[i]))
    values = [normalize(longitudes[i]) for i in order]
    arcs = [normalize(values[(k + 1) % len(values)] - values[k]) for k in range(len(values))]
    cut = (arcs.index(max(arcs)) + 1) % len(values)
    order, values = order[cut:] + order[:cut], values[cut:] + values[:cut]
    unwrapped = [v + 360.0 * (v < values[0]) for v in values]
    clusters: list[list[float]] = []  # each: [sum of longitudes, count]
    for value in unwrapped:
        clusters.append([value, 1])
        while len(clusters) > 1 and cluster_start(clusters[-2], gap) + clusters[-2][1] * gap > cluster_start(
            clusters[-1], gap
        ):
            last = clusters.pop()
            clusters[-1][0] += last[0]
            clusters[-1][1] += last[1]
    shown = [cluster_start(c, gap) + k * gap for c in clusters for k in range(int(c[1]))]
    result = [0.0] * len(longitudes)
    for index, value in zip(order, shown, strict=True):
        result[index] = normalize(value)
    return result


def cluster_start(cluster: list[float], gap: float) -> float:
    total, count = cluster
    return total / count - (count - 1) * gap / 2
