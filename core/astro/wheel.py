"""The natal wheel as an accessible SVG drawn on the server, styled by class (see static/css/wheel.css)."""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from xml.sax.saxutils import escape

from core.astro.aspects import KIND_BY_NAME
from core.astro.chart import ChartPoint, NatalChart
from core.astro.wheel_layout import (
    CENTER,
    COLUMN,
    HOUSE_NUMBER_FONT,
    LABEL_FONT,
    MIN_GLYPH_GAP,
    MIN_HOUSE_FOR_NUMBER,
    MIN_LABEL_GAP,
    R_HOUSES_IN,
    R_HOUSES_OUT,
    R_LEADER,
    R_OUTER,
    R_SIGN_GLYPH,
    R_SIGNS,
    R_TICKS,
    SIZE,
    along,
    arc_points,
    outside_ring,
    spread,
    text_width,
    xy,
)
from core.astro.zodiac import ELEMENTS, SIGN_GLYPHS, SIGNS, angular_distance, normalize, sign_index

RENDERER_VERSION = 2  # part of a stored chart's fingerprint: raising it redraws every stored wheel
ANGLE_NAMES = ("Ascendant", "Midheaven")
CUSP_CLEARANCE = 4.5  # degrees: a cusp line this close to a planet column stops at the house band
TITLE_HEIGHT = 96
COLUMN_UPRIGHT = tuple(entry for entry in COLUMN if entry[0] != "retro")  # a column without the retrograde mark
ANGLE_TITLES = {"AC": "Ascendant", "DC": "Descendant", "MC": "Midheaven", "IC": "Imum Coeli", "": "Cusp"}


@dataclass(frozen=True)
class Printed:
    """What a downloaded wheel adds: its own style sheet (colours resolved) and a title block."""

    css: str
    title_lines: tuple[str, ...]


def element_class(longitude: float) -> str:
    return f"el-{ELEMENTS[sign_index(longitude) % 4]}"


def degree_parts(longitude: float) -> tuple[str, str, str]:
    """("23°", "♐", "14′"): degree, sign glyph and minute, minutes truncated so never 60."""
    degrees, minutes = divmod(int(normalize(longitude) % 30.0 * 60.0 + 1e-9), 60)
    return f"{degrees}°", SIGN_GLYPHS[sign_index(longitude)], f"{minutes:02d}′"


def line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return f'<line class="{cls}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'


def text(x: float, y: float, content: str, cls: str, size: float, markup: str = "") -> str:
    """Centred text; `markup` (already escaped) replaces the content when parts carry their own class."""
    return (
        f'<text class="{cls}" x="{x}" y="{y}" font-size="{size:g}" text-anchor="middle" '
        f'dominant-baseline="central">{markup or escape(content)}</text>'
    )


def circle(radius: float, cls: str) -> str:
    return f'<circle class="{cls}" cx="{CENTER}" cy="{CENTER}" r="{radius}"/>'


def zodiac_ring(ref: float) -> list[str]:
    parts = [circle(R_OUTER, "ring"), circle(R_SIGNS, "ring"), circle(R_HOUSES_OUT, "ring")]
    parts.append(circle(R_HOUSES_IN, "ring"))
    for index, (name, glyph) in enumerate(zip(SIGNS, SIGN_GLYPHS, strict=True)):
        start = index * 30.0
        inner, outer = along(start, ref, R_SIGNS, R_OUTER)
        parts.append(line(*inner, *outer, "sign-edge"))
        sign = text(*xy(start + 15, R_SIGN_GLYPH, ref), glyph, f"sign {element_class(start)}", 20)
        parts.append(f'<g role="img" aria-label="{name}"><title>{name}</title>{sign}</g>')
    # The 360 ticks are the same for every chart: drawn once, turned to the chart's Ascendant.
    parts.append(f'<path class="ticks" transform="rotate({ref:.4f} {CENTER} {CENTER})" d="{TICKS_PATH}"/>')
    return parts


def ticks_path() -> str:
    """1°, 5° and 10° ticks inside the sign band, with 0° Aries at nine o'clock."""
    ticks = []
    for degree in range(360):
        length = 10.0 if degree % 10 == 0 else 6.0 if degree % 5 == 0 else 3.0
        (x1, y1), (x2, y2) = xy(degree, R_SIGNS, 0.0), xy(degree, R_SIGNS - length, 0.0)
        ticks.append(f"M{x1} {y1}L{x2} {y2}")
    return "".join(ticks)


TICKS_PATH = ticks_path()


def angle_longitudes(chart: NatalChart) -> dict[str, float]:
    """AC, DC, MC and IC of a chart with a birth time."""
    asc, mc = (chart.point(name).longitude for name in ANGLE_NAMES)
    return {"AC": asc, "DC": normalize(asc + 180.0), "MC": mc, "IC": normalize(mc + 180.0)}


def outer_labels(chart: NatalChart) -> list[tuple[float, str, str]]:
    """(longitude, name, class) of every cusp and angle label; a cusp on an angle is named by the angle."""
    angles = angle_longitudes(chart)
    labels = [(lon, name, "angle-label") for name, lon in angles.items()]
    assert chart.houses is not None  # the wheel draws cusps only for a chart with a birth time
    for cusp in chart.houses.cusps:
        if far_from(cusp, angles.values(), 1e-6):
            labels.append((cusp, "", "cusp-label"))
    return labels


def outer_label_parts(chart: NatalChart, ref: float) -> list[str]:
    labels = outer_labels(chart)
    shown = spread([lon for lon, _, _ in labels], MIN_LABEL_GAP)
    parts = []
    for (lon, name, cls), display in zip(labels, shown, strict=True):
        degree, glyph, minute = degree_parts(lon)
        content = f"{name} {degree}{glyph}{minute}".strip()
        width, height = text_width(content, LABEL_FONT), LABEL_FONT
        markup = f'{escape(f"{name} {degree}".lstrip())}<tspan class="{element_class(lon)}">{glyph}</tspan>{minute}'
        mark = "angle-mark" if name else "cusp-mark"
        start, end = along(lon, ref, R_OUTER, R_OUTER + 6)
        parts.append(line(*start, *end, mark))
        if angular_distance(lon, display) > 0.5:
            points = " ".join(f"{x},{y}" for x, y in arc_points(lon, display, R_OUTER + 8, ref))
            parts.append(f'<polyline class="leader" points="{points}"/>')
        label = f"{ANGLE_TITLES[name]} {degree}{minute} {SIGNS[sign_index(lon)]}"
        parts.append(
            f'<g role="img" aria-label="{label}"><title>{label}</title>'
            f"{text(*outside_ring(display, ref, width, height), content, cls, LABEL_FONT, markup)}</g>"
        )
    return parts


def house_parts(chart: NatalChart, ref: float, columns: list[float]) -> list[str]:
    """Cusp lines in the house band (and across the planets where none is near), house numbers where they fit."""
    parts = []
    assert chart.houses is not None  # the wheel draws cusps only for a chart with a birth time
    cusps = chart.houses.cusps
    angles = angle_longitudes(chart)
    for lon in [*cusps, *(lon for lon in angles.values() if far_from(lon, cusps, 1e-6))]:
        cls = "angle" if any(angular_distance(lon, a) < 1e-6 for a in angles.values()) else "cusp"
        inner, outer, ticks = along(lon, ref, R_HOUSES_IN, R_HOUSES_OUT, R_TICKS)
        parts.append(line(*inner, *outer, cls))
        if far_from(lon, columns, CUSP_CLEARANCE):
            parts.append(line(*outer, *ticks, f"{cls}-through"))
    placed: list[float] = []
    for index, cusp in enumerate(cusps):
        spot = number_spot(cusp, normalize(cusps[(index + 1) % 12] - cusp), [*cusps, *angles.values()])
        # Near the poles some systems' cusps run backwards and houses overlap: one number per place.
        if spot is not None and all(angular_distance(spot, other) >= MIN_HOUSE_FOR_NUMBER for other in placed):
            placed.append(spot)
            middle = xy(spot, (R_HOUSES_IN + R_HOUSES_OUT) / 2, ref)
            parts.append(text(*middle, str(index + 1), "house-number", HOUSE_NUMBER_FONT))
    return parts


def far_from(longitude: float, others: Iterable[float], distance: float) -> bool:
    """Whether every one of `others` lies more than `distance` degrees from `longitude` either way round.

    `all(angular_distance(...) > distance)`, with the arithmetic inlined: wheels ask it a few hundred times.
    """
    for other in others:
        difference = (longitude - other) % 360.0
        if difference > 180.0:
            difference -= 360.0
        if (-difference if difference < 0.0 else difference) <= distance:
            return False
    return True


def number_spot(cusp: float, width: float, lines: Iterable[float]) -> float | None:
    """Middle of the widest part of a house left free by lines inside it; None when too narrow to hold a number.

    Lines inside a house are angles off the cusps (Equal, Whole Sign) or, near the poles, cusps out of order.
    """
    offsets = [(a - cusp) % 360.0 for a in lines]  # `normalize`, inlined: twelve houses ask it of every line
    inside = sorted(offset for offset in offsets if 1e-6 < offset < width - 1e-6)
    edges = [0.0, *inside, width]
    start, end = max(pairwise(edges), key=lambda arc: arc[1] - arc[0])
    return cusp + (start + end) / 2 if end - start >= MIN_HOUSE_FOR_NUMBER else None


def point_label(point: ChartPoint) -> str:
    label = f"{point.name} {point.position}" + (f", house {point.house}" if point.house else "")
    return label + (", retrograde" if point.retrograde else "")


def planet_column(point: ChartPoint, display: float, ref: float) -> str:
    """The point's glyph, degree, sign, minute and retrograde mark along its radius, with a pointer to its degree."""
    degree, glyph, minute = degree_parts(point.longitude)
    contents = {"glyph": point.glyph, "degree": degree, "sign": glyph, "minute": minute, "retro": "℞"}
    classes = {"glyph": "glyph", "sign": f"sign-small {element_class(point.longitude)}", "retro": "retro"}
    start, end = along(point.longitude, ref, R_TICKS, R_LEADER)
    parts = [line(*start, *end, "pointer")]
    if angular_distance(point.longitude, display) > 0.5:
        points = " ".join(f"{x},{y}" for x, y in arc_points(point.longitude, display, R_LEADER, ref))
        parts.append(f'<polyline class="leader" points="{points}"/>')
    shown = COLUMN if point.retrograde else COLUMN_UPRIGHT
    spots = along(display, ref, *(radius for _, radius, _ in shown))
    for (part, _radius, size), spot in zip(shown, spots, strict=True):
        # Glyphs, digits and degree marks: nothing to escape, so the content goes in as markup.
        parts.append(text(*spot, "", classes.get(part, "deg"), size, contents[part]))
    label = escape(point_label(point))
    return f'<g class="planet" role="img" aria-label="{label}"><title>{label}</title>{"".join(parts)}</g>'


def aspect_lines(chart: NatalChart, ref: float) -> list[str]:
    """One line per aspect across the inner circle, styled by kind (conjunctions show as neighbouring columns)."""
    rim = {p.name: xy(p.longitude, R_HOUSES_IN, ref) for p in chart.points}  # where each point's lines end
    parts = []
    for aspect in chart.aspects:
        kind = KIND_BY_NAME[aspect.kind]
        if kind.angle == 0.0:
            continue
        cls = f"asp asp-{kind.name}" + ("" if kind.major else " minor")
        ends = (*rim[aspect.first], *rim[aspect.second])
        parts.append(
            f'<g class="aspect aspect-{kind.name}"><title>{aspect.first} {kind.name} {aspect.second}, '
            f"orb {aspect.orb:.2f}°</title>{line(*ends, cls)}</g>"
        )
    return parts


def wheel_body(chart: NatalChart) -> list[str]:
    ref = chart.houses.ascendant if chart.houses else 0.0
    bodies = [p for p in chart.points if p.name not in ANGLE_NAMES]
    shown = spread([p.longitude for p in bodies], MIN_GLYPH_GAP)
    parts = zodiac_ring(ref)
    if chart.houses:
        parts += house_parts(chart, ref, shown) + outer_label_parts(chart, ref)
    parts += aspect_lines(chart, ref)
    parts += [planet_column(p, display, ref) for p, display in zip(bodies, shown, strict=True)]
    return parts


def title_block(lines: tuple[str, ...]) -> list[str]:
    """Name, birth moment, place, zone and house system above the wheel of a downloaded chart."""
    parts = []
    for index, content in enumerate(lines):
        size, cls = (17, "title-name") if index == 0 else (12, "title-line")
        parts.append(f'<text class="{cls}" x="24" y="{-TITLE_HEIGHT + 26 + index * 18}" font-size="{size}">')
        parts.append(f"{escape(content)}</text>")
    return parts


def render_wheel(chart: NatalChart, title: str, printed: Printed | None = None) -> str:
    """A standalone SVG of the chart, with a title and labels for screen readers.

    Without `printed` the wheel is styled by the page's style sheet; with it, it carries its own
    style and a title block, for a file that looks the same wherever it is opened.
    """
    desc = "; ".join(f"{p.name} {p.position}" for p in chart.points)
    top = -TITLE_HEIGHT if printed else 0
    height = SIZE - top
    extra = [f"<style>{printed.css}</style>"] if printed else []
    if printed:
        extra.append(f'<rect class="paper" x="0" y="{top}" width="{SIZE}" height="{height}"/>')
        extra += title_block(printed.title_lines)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wheel-chart{" print" if printed else ""}" '
        f'viewBox="0 {top} {SIZE} {height}" width="{SIZE}" height="{height}" role="img" '
        'aria-labelledby="wheel-title wheel-desc" font-family="DejaVu Sans, sans-serif">'
        f'<title id="wheel-title">{escape(title)}</title><desc id="wheel-desc">{escape(desc)}</desc>'
        + "".join(extra + wheel_body(chart))
        + "</svg>\n"
    )
