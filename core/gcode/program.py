"""The G-Code program: the day's leading transits written as 3–8 lines of real CNC G-code.

One line per leading transit, strongest first. The motion word follows the aspect's nature
(G00 rapid for a conjunction, G01 straight feed for a tension, G02/G03 arcs for harmonies);
X is the transiting body's longitude at noon, Y the natal point's, Z the orb cut as depth,
F the feed rate from the transit's strength, R the aspect angle as the arc radius. A body that
stations today adds M00 (program stop), one moving retrograde M04 (spindle reverse). The `;`
comment names the transit and its exact time. A quiet day is filled up to three lines from the
Moon, ingresses and stations.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core.astro.aspects import KIND_BY_NAME

if TYPE_CHECKING:
    from core.gcode.facts import TransitFact

MIN_LINES, MAX_LINES = 3, 8
MOTION_BY_KIND: dict[str, str] = {
    "conjunction": "G00", "opposition": "G01", "square": "G01", "semisquare": "G01", "sesquiquadrate": "G01",
    "quincunx": "G01", "trine": "G02", "sextile": "G02", "semisextile": "G03", "quintile": "G03",
    "biquintile": "G03",
}  # fmt: skip


def axis(letter: str, value: float) -> str:
    """An axis word with three decimals (never "-0.000")."""
    return f"{letter}{value + 0.0:.3f}".replace("-0.000", "0.000")


def feed_rate(strength: float) -> int:
    """F100 for the faintest transit up to about F2000 for the strongest."""
    return max(100, round(strength * 1000))


def transit_comment(t: "TransitFact") -> str:
    motion = " retrograde" if t.retrograde else ""
    timing = (
        f"exact {t.exact_clock}" if t.exact_at else f"orb {t.orb:.2f} deg, {'applying' if t.applying else 'separating'}"
    )
    return f"{t.transit}{motion} {t.kind} natal {t.natal}, {timing}"


def transit_line(t: "TransitFact", stationing: set[str]) -> str:
    """One block: motion, axes, depth, feed (and arc radius), an M code for a station or retrograde, the comment."""
    motion = MOTION_BY_KIND[t.kind]
    words = [motion, axis("X", t.transit_longitude), axis("Y", t.natal_longitude), axis("Z", -t.orb)]
    if motion in ("G02", "G03"):
        words.append(axis("R", KIND_BY_NAME[t.kind].angle))
    if motion != "G00":
        words.append(f"F{feed_rate(t.strength)}")
    if t.transit in stationing:
        words.append("M00")
    elif t.retrograde:
        words.append("M04")
    return f"{' '.join(words)} ; {transit_comment(t)}"


def sky_lines(moon: dict[str, Any], stations: Sequence[dict[str, str]], retrogrades: Sequence[str]) -> list[str]:
    """Lines for a quiet day: the Moon, each station, the retrograde planets, a steady feed, a return home."""
    moon_axes = f"{axis('X', moon['longitude'])} {axis('Y', moon['illumination'])}"
    lines = [f"G00 {moon_axes} ; {moon['phase']} in {moon['sign']}"]
    lines += [f"M00 ; {s['body']} stations {s['direction']} at {s['at']}" for s in stations]
    if retrogrades:
        lines.append(f"M04 ; retrograde: {', '.join(retrogrades)}")
    lines.append("G01 X0.000 Y0.000 Z0.000 F100 ; steady feed: a quiet sky")
    lines.append("G00 X0.000 Y0.000 Z0.000 ; return to origin and integrate the day")
    return lines


def gcode_program(
    transits: Sequence["TransitFact"],
    moon: dict[str, Any],
    stations: Sequence[dict[str, str]],
    retrogrades: Sequence[str],
) -> list[str]:
    """3–8 lines, the same for the same day and chart."""
    stationing = {s["body"] for s in stations}
    lines = [transit_line(t, stationing) for t in transits[:MAX_LINES]]
    if len(lines) < MIN_LINES:
        lines += sky_lines(moon, stations, retrogrades)[: MIN_LINES - len(lines)]
    return lines
