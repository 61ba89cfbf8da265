"""A wheel to keep: the print palette resolved into a self-contained style sheet, and the wheel as PNG."""

import re

import resvg_py

PALETTE_BLOCK = re.compile(r"(\.wheel-chart(?:\.print)?)\s*\{([^}]*--[^}]*)\}")
DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*([^;]+);")
VARIABLE = re.compile(r"var\((--[\w-]+)\)")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
PNG_ZOOM = 2.0  # 1440 px wide: sharp on paper and on a phone


def print_css(css: str) -> str:
    """The wheel's style sheet in its print palette, with every var() replaced by its colour.

    Resolved because a file is opened by viewers and converters that may not know CSS variables.
    """
    palettes = {selector: dict(DECLARATION.findall(body)) for selector, body in PALETTE_BLOCK.findall(css)}
    colours = palettes[".wheel-chart"] | palettes[".wheel-chart.print"]
    rules = COMMENT.sub("", PALETTE_BLOCK.sub("", css))
    rules = VARIABLE.sub(lambda match: colours[match.group(1)].strip(), rules)
    return " ".join(rules.split())


def wheel_png(svg: str) -> bytes:
    """The downloaded SVG rasterised by resvg with the system's fonts (DejaVu Sans holds every glyph used)."""
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=PNG_ZOOM))
