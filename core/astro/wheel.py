"""The natal wheel as a standalone, accessible SVG drawn on the server."""

import math
from xml.sax.saxutils import escape

from core.astro.aspects import KIND_BY_NAME
from core.astro.chart import NatalChart
from core.astro.zodiac import SIGN_GLYPHS, SIGNS, normalize

RENDERER_VERSION = 2  # part of a stored chart's fingerprint: raising it redraws every stored wheel
SIZE = 600
CENTER = SIZE / 2
R_OUTER, R_SIGNS, R_PLANETS, R_INNER = 290.0, 250.0, 215.0, 120.0
MIN_GLYPH_GAP = 7.5  # degrees between neighbouring glyphs
ASPECT_COLOURS = {"tense": "#ff6b6b", "harmonious": "#4dff88", "neutral": "#7cc7ff"}
ANGLE_NAMES = ("Ascendant", "Midheaven")


def xy(longitude: float, radius: float, reference: float) -> tuple[float, float]:
    """Screen point of a longitude: the reference (Ascendant) at nine o'clock, counter-clockwise."""
    theta = math.radians(longitude - reference)
    return round(CENTER - radius * math.cos(theta), 2), round(CENTER + radius * math.sin(theta), 2)


def spread(longitudes: list[float], gap: float = MIN_GLYPH_GAP) -> list[float]:
    """Display longitudes, pushed apart so that no two glyphs are closer than `gap` degrees.

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


def line(x1: float, y1: float, x2: float, y2: float, cls: str, extra: str = "") -> str:
    return f'<line class="{cls}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"{extra}/>'


def text(x: float, y: float, content: str, cls: str) -> str:
    return f'<text class="{cls}" x="{x}" y="{y}">{escape(content)}</text>'


def zodiac_ring(ref: float) -> list[str]:
    parts = [
        f'<circle class="ring" cx="{CENTER}" cy="{CENTER}" r="{R_OUTER}"/>',
        f'<circle class="ring" cx="{CENTER}" cy="{CENTER}" r="{R_SIGNS}"/>',
        f'<circle class="ring" cx="{CENTER}" cy="{CENTER}" r="{R_INNER}"/>',
    ]
    for index, (name, glyph) in enumerate(zip(SIGNS, SIGN_GLYPHS, strict=True)):
        start = index * 30.0
        parts.append(line(*xy(start, R_SIGNS, ref), *xy(start, R_OUTER, ref), "sign-edge"))
        tx, ty = xy(start + 15, (R_OUTER + R_SIGNS) / 2, ref)
        parts.append(f'<g role="img" aria-label="{name}"><title>{name}</title>{text(tx, ty, glyph, "sign")}</g>')
    return parts


def house_lines(chart: NatalChart, ref: float) -> list[str]:
    if chart.houses is None:
        return []
    parts = []
    cusps = chart.houses.cusps
    for index, cusp in enumerate(cusps):
        parts.append(line(*xy(cusp, R_INNER, ref), *xy(cusp, R_SIGNS, ref), "cusp"))
        middle = cusp + normalize(cusps[(index + 1) % 12] - cusp) / 2
        parts.append(text(*xy(middle, R_INNER + 14, ref), str(index + 1), "house-number"))
    for name, label in (("Ascendant", "AC"), ("Midheaven", "MC")):
        lon = chart.point(name).longitude
        parts.append(line(*xy(lon, R_INNER, ref), *xy(lon, R_OUTER + 6, ref), "angle"))
        parts.append(
            f'<g role="img" aria-label="{name} {escape(chart.point(name).position)}"><title>{name}</title>'
            f"{text(*xy(lon, R_OUTER + 4, ref), label, 'angle-label')}</g>"
        )
    return parts


def planet_glyphs(chart: NatalChart, ref: float) -> list[str]:
    bodies = [p for p in chart.points if p.name not in ANGLE_NAMES]
    shown = spread([p.longitude for p in bodies])
    parts = []
    for point, display in zip(bodies, shown, strict=True):
        label = f"{point.name} {point.position}" + (f", house {point.house}" if point.house else "")
        label += ", retrograde" if point.retrograde else ""
        gx, gy = xy(display, R_PLANETS, ref)
        parts.append(
            f'<g class="planet" role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
            + line(*xy(point.longitude, R_SIGNS, ref), *xy(point.longitude, R_SIGNS - 8, ref), "tick")
            + line(*xy(point.longitude, R_SIGNS - 8, ref), *xy(display, R_PLANETS + 12, ref), "leader")
            + text(gx, gy, point.glyph, "glyph")
            + (text(gx + 9, gy + 9, "℞", "retro") if point.retrograde else "")
            + "</g>"
        )
    return parts


def aspect_lines(chart: NatalChart, ref: float) -> list[str]:
    longitudes = {p.name: p.longitude for p in chart.points}
    parts = []
    for aspect in chart.aspects:
        kind = KIND_BY_NAME[aspect.kind]
        if kind.angle == 0.0:
            continue  # conjunctions show as neighbouring glyphs
        colour = ASPECT_COLOURS[kind.nature]
        parts.append(
            f'<g class="aspect aspect-{kind.name}"><title>{aspect.first} {kind.name} {aspect.second}</title>'
            + line(
                *xy(longitudes[aspect.first], R_INNER, ref),
                *xy(longitudes[aspect.second], R_INNER, ref),
                "aspect-line",
                f' stroke="{colour}"',
            )
            + "</g>"
        )
    return parts


STYLE = """
.ring{fill:none;stroke:#2f4a36;stroke-width:1.5}.sign-edge{stroke:#2f4a36}
.sign{fill:#d7e4d9;font-size:20px;text-anchor:middle;dominant-baseline:central}
.cusp{stroke:#3d5c45;stroke-width:1}.angle{stroke:#ffcc66;stroke-width:2.5}
.angle-label{fill:#ffcc66;font-size:13px;font-weight:bold;text-anchor:middle;dominant-baseline:central}
.house-number{fill:#8aa391;font-size:11px;text-anchor:middle;dominant-baseline:central}
.glyph{fill:#4dff88;font-size:19px;text-anchor:middle;dominant-baseline:central}
.retro{fill:#ff6b6b;font-size:10px}.tick{stroke:#d7e4d9;stroke-width:1.5}.leader{stroke:#3d5c45;stroke-width:.7}
.aspect-line{stroke-width:1.2;opacity:.8}
"""


def render_wheel(chart: NatalChart, title: str) -> str:
    """A standalone SVG document of the chart, with a title and labels for screen readers."""
    ref = chart.houses.ascendant if chart.houses else 0.0
    desc = "; ".join(f"{p.name} {p.position}" for p in chart.points)
    body = [*zodiac_ring(ref), *house_lines(chart, ref), *aspect_lines(chart, ref), *planet_glyphs(chart, ref)]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-20 -20 {SIZE + 40} {SIZE + 40}" '
        f'width="{SIZE}" height="{SIZE}" role="img" aria-labelledby="wheel-title wheel-desc" '
        'font-family="DejaVu Sans, sans-serif">'
        f'<title id="wheel-title">{escape(title)}</title><desc id="wheel-desc">{escape(desc)}</desc>'
        f"<style>{STYLE}</style>"
        f'<rect x="-20" y="-20" width="{SIZE + 40}" height="{SIZE + 40}" fill="#0b0f0c"/>' + "".join(body) + "</svg>\n"
    )
