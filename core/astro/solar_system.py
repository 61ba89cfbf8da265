"""Today's planets around the Sun: heliocentric longitudes, drawn to scale by angle as an SVG."""

import datetime as dt
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from core.astro import ephemeris
from core.astro.ephemeris import Body
from core.astro.wheel_layout import Box, text_width
from core.astro.zodiac import format_degree_minute, normalize

INSIDE_EARTH: tuple[Body, ...] = (Body.MERCURY, Body.VENUS)
OUTSIDE_EARTH: tuple[Body, ...] = (Body.MARS, Body.JUPITER, Body.SATURN, Body.URANUS, Body.NEPTUNE, Body.PLUTO)
SIZE = 520
CENTER = SIZE / 2
INNER, OUTER = 40.0, 215.0  # room outside Pluto's orbit for its label and the 0° Aries mark


@dataclass(frozen=True)
class Orbiting:
    name: str
    glyph: str
    longitude: float  # heliocentric ecliptic longitude, degrees

    @property
    def position(self) -> str:
        return format_degree_minute(self.longitude)


def heliocentric_planets(instant: dt.datetime) -> list[Orbiting]:
    """Mercury … Pluto and the Earth (opposite the Sun as seen from it), innermost first."""
    jd = ephemeris.julian_day(instant)

    def orbiting(body: Body) -> Orbiting:
        return Orbiting(body.label, body.glyph, ephemeris.heliocentric_longitude(jd, body))

    earth = Orbiting("Earth", "♁", normalize(ephemeris.body_state(jd, Body.SUN).longitude + 180.0))
    return [*map(orbiting, INSIDE_EARTH), earth, *map(orbiting, OUTSIDE_EARTH)]


def point(longitude: float, radius: float) -> tuple[float, float]:
    """0° Aries to the right, longitudes counter-clockwise (north up, as seen from above the ecliptic)."""
    theta = math.radians(longitude)
    return round(CENTER + radius * math.cos(theta), 2), round(CENTER - radius * math.sin(theta), 2)


LABEL_FONT = 13.0
DOT_RADIUS = 6.0
SUN_RADIUS = 14.0
ARIES_MARK = Box(SIZE - text_width("0° ♈", 11) / 2 - 2, CENTER - 14, text_width("0° ♈", 11) / 2, 5.5)
# Label centres around a dot, tried in order: beside it, above or below it, diagonally, then further out.
PLACES = tuple(
    (reach * math.cos(math.radians(angle)), reach * -math.sin(math.radians(angle)))
    for reach in (1.0, 1.7, 2.4, 3.1, 3.8)
    for angle in (0, 180, 90, 270, 45, 135, 225, 315, 22.5, 157.5, 202.5, 337.5, 67.5, 112.5, 247.5, 292.5)
)


def overlap(a: Box, b: Box, pad: float = 2.0) -> float:
    """Area shared by two boxes each grown by `pad` (0 when apart): a little air for real glyph widths."""
    dx = a.half_width + b.half_width + 2 * pad - abs(a.x - b.x)
    dy = a.half_height + b.half_height + 2 * pad - abs(a.y - b.y)
    return dx * dy if dx > 0 and dy > 0 else 0.0


def inside(box: Box, margin: float = 4.0) -> bool:
    """Within the picture with a margin, since real glyph widths differ a little from the estimate."""
    half_width, half_height = box.half_width + margin, box.half_height + margin
    return half_width <= box.x <= SIZE - half_width and half_height <= box.y <= SIZE - half_height


def label_boxes(dots: list[tuple[float, float]], labels: list[str]) -> list[Box]:
    """A box for each label near its dot, clear of every dot, of the labels placed before it and of the edges.

    Tried places go outward from the dot; where none is clear (never seen over centuries of dates),
    the place overlapping least is taken.
    """
    obstacles = [
        ARIES_MARK,
        Box(CENTER, CENTER, SUN_RADIUS, SUN_RADIUS),
        *(Box(x, y, DOT_RADIUS, DOT_RADIUS) for x, y in dots),
    ]
    placed: list[Box] = []
    for (x, y), label in zip(dots, labels, strict=True):
        half_width, half_height = text_width(label, LABEL_FONT) / 2, LABEL_FONT / 2
        candidates = [
            Box(
                x + sx * (DOT_RADIUS + 3 + half_width), y + sy * (DOT_RADIUS + 2 + half_height), half_width, half_height
            )
            for sx, sy in PLACES
        ]
        candidates = [c for c in candidates if inside(c)] or candidates
        best = min(candidates, key=lambda c: sum(overlap(c, other) for other in [*obstacles, *placed]))
        placed.append(best)
    return placed


def render_solar_system(planets: list[Orbiting], title: str) -> str:
    """Evenly spaced orbits (distances are not to scale, angles are), each planet at its longitude."""
    step = (OUTER - INNER) / max(1, len(planets) - 1)
    description = "; ".join(f"{p.name} at {p.position}" for p in planets)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        'aria-labelledby="ss-title ss-desc" font-family="DejaVu Sans, sans-serif">',
        f'<title id="ss-title">{escape(title)}</title>',
        f'<desc id="ss-desc">{escape(description)}</desc>',
        f'<circle class="sun" cx="{CENTER}" cy="{CENTER}" r="{SUN_RADIUS:g}"><title>Sun</title></circle>',
        f'<line class="aries-line" x1="{CENTER}" y1="{CENTER}" x2="{SIZE}" y2="{CENTER}" stroke-dasharray="4 4"/>',
        f'<text class="aries-mark" x="{ARIES_MARK.x}" y="{ARIES_MARK.y}" font-size="11" text-anchor="middle" '
        'dominant-baseline="central">0° ♈</text>',
    ]
    dots = [point(p.longitude, INNER + index * step) for index, p in enumerate(planets)]
    labels = [f"{p.glyph} {p.name}" for p in planets]
    for index, (planet, (x, y), label, box) in enumerate(
        zip(planets, dots, labels, label_boxes(dots, labels), strict=True)
    ):
        kind = "planet earth" if planet.name == "Earth" else "planet"
        parts += [
            f'<circle class="orbit" cx="{CENTER}" cy="{CENTER}" r="{INNER + index * step:.1f}" fill="none"/>',
            f"<g><title>{escape(planet.name)} {escape(planet.position)}</title>"
            f'<circle class="{kind}" cx="{x}" cy="{y}" r="{DOT_RADIUS:g}"/>'
            f'<text class="planet-label" x="{box.x:.2f}" y="{box.y:.2f}" font-size="{LABEL_FONT:g}" '
            f'text-anchor="middle" dominant-baseline="central">{escape(label)}</text></g>',
        ]
    parts.append("</svg>")
    return "\n".join(parts)
