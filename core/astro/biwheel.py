"""The bi-wheel: one person's wheel, drawn by wheel.render_wheel, inside a ring of the other's planets.

The inner wheel is the public `render_wheel` drawing placed as it is; the outer ring uses the
same orientation (the inner chart's Ascendant at nine o'clock, or 0° Aries without houses).
"""

import math
import re
from xml.sax.saxutils import escape

from core.astro.aspects import Aspect
from core.astro.chart import NatalChart
from core.astro.wheel import render_wheel
from core.astro.zodiac import normalize

RING = 70.0  # width of the outer ring around the inner wheel, in the inner wheel's units
MIN_GAP = 7.5  # degrees between neighbouring glyphs on the outer ring
# Shapes only: the colours are the wheel's palette (static/css/wheel.css), carried resolved by a downloaded file.
STYLE = (
    ".bi-ring{fill:none;stroke-width:1.5}.bi-glyph{font-size:19px;text-anchor:middle;dominant-baseline:central}"
    ".bi-tick{stroke-width:1.5}.bi-label{font-size:13px;text-anchor:middle}"
)


def inner_geometry(svg: str) -> tuple[float, float, float, float]:
    """The inner wheel's viewBox (x, y, width, height), read from its own SVG."""
    match = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg)
    if match is None:
        raise ValueError("The wheel SVG has no viewBox.")
    x, y, w, h = (float(v) for v in match.groups())
    return x, y, w, h


def spaced(longitudes: list[float]) -> list[float]:
    """Display longitudes in order, nudged forward so that neighbours are at least MIN_GAP apart."""
    order = sorted(range(len(longitudes)), key=lambda i: normalize(longitudes[i]))
    shown = [0.0] * len(longitudes)
    last = -math.inf
    for i in order:
        value = max(normalize(longitudes[i]), last + MIN_GAP)
        shown[i], last = value, value
    return shown


def outer_planets(outer: NatalChart, cx: float, cy: float, radius: float, ref: float) -> list[str]:
    def xy(lon: float, r: float) -> tuple[float, float]:
        theta = math.radians(lon - ref)
        return round(cx - r * math.cos(theta), 2), round(cy + r * math.sin(theta), 2)

    bodies = [p for p in outer.points if p.name not in ("Ascendant", "Midheaven")]
    parts = []
    for point, shown in zip(bodies, spaced([p.longitude for p in bodies]), strict=True):
        label = escape(f"{point.name} {point.position}" + (", retrograde" if point.retrograde else ""))
        (x1, y1), (x2, y2), (gx, gy) = (
            xy(point.longitude, radius),
            xy(point.longitude, radius + 10),
            xy(shown, radius + 32),
        )
        parts.append(
            f'<g class="bi-planet" role="img" aria-label="{label}"><title>{label}</title>'
            f'<line class="bi-tick" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'
            f'<text class="bi-glyph" x="{gx}" y="{gy}">{escape(point.glyph)}</text></g>'
        )
    return parts


def render_biwheel(inner: NatalChart, outer: NatalChart, title: str, aspects: tuple[Aspect, ...] = ()) -> str:
    """A standalone SVG: `inner`'s wheel with `outer`'s planets around it; `aspects` listed in the description."""
    wheel = render_wheel(inner, title).split("?>", 1)[-1].strip()
    x, y, w, h = inner_geometry(wheel)
    cx, cy, radius = x + w / 2, y + h / 2, min(w, h) / 2
    ref = inner.houses.ascendant if inner.houses else 0.0
    size = (x - RING, y - RING, w + 2 * RING, h + 2 * RING)
    # The inner drawing keeps its own coordinates: its viewBox becomes a region of ours, unscaled.
    inner_body = wheel[wheel.index(">") + 1 : wheel.rindex("</svg>")]
    desc = "; ".join(f"{a.first} {a.kind} {a.second} ({a.orb:.1f}°)" for a in aspects[:12])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(str(v) for v in size)}" '
        f'width="{size[2]:g}" height="{size[3]:g}" role="img" aria-labelledby="biwheel-title biwheel-desc" '
        'class="wheel-chart biwheel" '
        'font-family="DejaVu Sans, sans-serif">'
        f'<title id="biwheel-title">{escape(title)}</title><desc id="biwheel-desc">{escape(desc)}</desc>'
        f"<style>{STYLE}</style>"
        f'<rect x="{size[0]}" y="{size[1]}" width="{size[2]}" height="{size[3]}" class="bi-paper"/>'
        + f'<g class="bi-inner wheel-chart">{inner_body}</g>'
        + "".join(f'<circle class="bi-ring" cx="{cx}" cy="{cy}" r="{r}"/>' for r in (radius - 14, radius + RING - 4))
        + "".join(outer_planets(outer, cx, cy, radius - 14, ref))
        + "</svg>\n"
    )
