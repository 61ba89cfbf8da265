"""The score gauge: a half-circle dial drawn as inline SVG (no script needed to see it)."""

import math

LEVEL_COLOURS = {"low": "#7cc7ff", "medium": "#4dff88", "high": "#ffcc66", "intense": "#ff6b6b"}


def arc_point(fraction: float, radius: float = 80.0) -> tuple[float, float]:
    angle = math.pi * (1 - fraction)
    return round(100 + radius * math.cos(angle), 2), round(100 - radius * math.sin(angle), 2)


def gauge_svg(score: int, level: str) -> str:
    """A 1–100 dial with the score written in its middle; accessible as an image with a label."""
    x, y = arc_point((score - 1) / 99)
    colour = LEVEL_COLOURS[level]
    return (
        f'<svg viewBox="0 0 200 120" role="img" aria-label="G-Code {score} of 100, {level}" class="gauge-dial">'
        '<path d="M 20 100 A 80 80 0 0 1 180 100" fill="none" stroke="#1f2e23" stroke-width="14"/>'
        f'<path data-gauge-arc d="M 20 100 A 80 80 0 0 1 {x} {y}" fill="none" stroke="{colour}" '
        'stroke-width="14" stroke-linecap="round"/>'
        f'<text x="100" y="95" text-anchor="middle" font-size="34" fill="{colour}" data-field="score">{score}</text>'
        f'<text x="100" y="115" text-anchor="middle" font-size="12" fill="#8aa391" data-field="level">{level}</text>'
        "</svg>"
    )
