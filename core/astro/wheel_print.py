"""A wheel to keep: the print palette resolved into a self-contained style sheet, and the wheel as PNG."""

import re

import resvg_py

PALETTE_BLOCK = re.compile(r"(\.wheel-chart(?:\.print)?)\s*\{([^}]*--[^}]*)\}")
DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*([^;]+);")
VARIABLE = re.compile(r"var\((--[\w-]+)\)")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
PNG_ZOOM = 2.0  # 1440 px wide: sharp on paper and on a phone


ROOT_BLOCK = re.compile(r":root\s*\{([^}]*)\}")


def palettes_of(css: str) -> dict[str, dict[str, str]]:
    return {selector: dict(DECLARATION.findall(body)) for selector, body in PALETTE_BLOCK.findall(css)}


def resolved(css: str, colours: dict[str, str]) -> str:
    """The wheel's rules without their palette blocks, every var() replaced by its colour.

    Resolved because a file is opened by viewers and converters that may not know CSS variables.
    """
    rules = COMMENT.sub("", PALETTE_BLOCK.sub("", css))
    rules = VARIABLE.sub(lambda match: colours[match.group(1)].strip(), rules)
    return " ".join(rules.split())


def print_css(css: str) -> str:
    """The wheel's style sheet in its print palette."""
    palettes = palettes_of(css)
    return resolved(css, palettes[".wheel-chart"] | palettes[".wheel-chart.print"])


def screen_css(css: str, site_css: str) -> str:
    """The wheel's style sheet in the page's dark palette (its element colours come from the site's :root)."""
    root = {name: value.strip() for block in ROOT_BLOCK.findall(site_css) for name, value in DECLARATION.findall(block)}
    dark = palettes_of(css)[".wheel-chart"]
    return resolved(css, {name: VARIABLE.sub(lambda m: root[m.group(1)], value) for name, value in dark.items()})


def wheel_png(svg: str) -> bytes:
    """The downloaded SVG rasterised by resvg with the system's fonts (DejaVu Sans holds every glyph used)."""
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=PNG_ZOOM))
