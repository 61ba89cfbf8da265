"""Today's planets around the Sun: heliocentric longitudes, drawn to scale by angle as an SVG."""

import datetime as dt
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from core.astro import ephemeris
from core.astro.ephemeris import Body
from core.astro.zodiac import format_degree_minute, normalize

INSIDE_EARTH: tuple[Body, ...] = (Body.MERCURY, Body.VENUS)
OUTSIDE_EARTH: tuple[Body, ...] = (Body.MARS, Body.JUPITER, Body.SATURN, Body.URANUS, Body.NEPTUNE, Body.PLUTO)
SIZE = 520
CENTER = SIZE / 2
INNER, OUTER = 40.0, 240.0


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


def render_solar_system(planets: list[Orbiting], title: str) -> str:
    """Evenly spaced orbits (distances are not to scale, angles are), each planet at its longitude."""
    step = (OUTER - INNER) / max(1, len(planets) - 1)
    description = "; ".join(f"{p.name} at {p.position}" for p in planets)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        'aria-labelledby="ss-title ss-desc">',
        f'<title id="ss-title">{escape(title)}</title>',
        f'<desc id="ss-desc">{escape(description)}</desc>',
        f'<circle cx="{CENTER}" cy="{CENTER}" r="14" fill="#ffcc66"><title>Sun</title></circle>',
        f'<line x1="{CENTER}" y1="{CENTER}" x2="{CENTER + OUTER + 12}" y2="{CENTER}" stroke="#1f2e23" '
        'stroke-dasharray="4 4"/>',
        f'<text x="{CENTER + OUTER + 4}" y="{CENTER - 6}" fill="#8aa391" font-size="11">0° ♈</text>',
    ]
    for index, planet in enumerate(planets):
        radius = INNER + index * step
        x, y = point(planet.longitude, radius)
        colour = "#7cc7ff" if planet.name == "Earth" else "#4dff88"
        parts += [
            f'<circle cx="{CENTER}" cy="{CENTER}" r="{radius:.1f}" fill="none" stroke="#1f2e23"/>',
            f"<g><title>{escape(planet.name)} {escape(planet.position)}</title>"
            f'<circle cx="{x}" cy="{y}" r="6" fill="{colour}"/>'
            f'<text x="{x + 8}" y="{y - 8}" fill="#d7e4d9" font-size="13">'
            f"{planet.glyph} {escape(planet.name)}</text></g>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)
