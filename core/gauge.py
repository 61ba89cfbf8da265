"""The score gauge: a half-circle dial drawn as inline SVG (no script needed to see it)."""

import math


def arc_point(fraction: float, radius: float = 80.0) -> tuple[float, float]:
    angle = math.pi * (1 - fraction)
    return round(100 + radius * math.cos(angle), 2), round(100 - radius * math.sin(angle), 2)


def gauge_svg(score: int, level: str) -> str:
    """A 1–100 dial with the score written in its middle; accessible as an image with a label.

    Coloured by classes: the level's colour and the track's are the site's palette (static/css/site.css)."""
    x, y = arc_point((score - 1) / 99)
    return (
        f'<svg viewBox="0 0 200 120" role="img" aria-label="G-Code {score} of 100, {level}" '
        f'class="gauge-dial level-{level}">'
        '<path class="gauge-track" d="M 20 100 A 80 80 0 0 1 180 100" fill="none" stroke-width="14"/>'
        f'<path class="gauge-arc" data-gauge-arc d="M 20 100 A 80 80 0 0 1 {x} {y}" fill="none" '
        'stroke-width="14" stroke-linecap="round"/>'
        '<text class="gauge-score" x="100" y="95" text-anchor="middle" font-size="34" '
        f'data-field="score">{score}</text>'
        '<text class="gauge-level" x="100" y="115" text-anchor="middle" font-size="12" '
        f'data-field="level">{level}</text>'
        "</svg>"
    )
