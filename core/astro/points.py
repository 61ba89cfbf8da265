"""Points derived from others: the South Node, and the Part of Fortune by day and by night."""

from core.astro.zodiac import normalize


def degree_claimed(name: str, time_known: bool) -> bool:
    """Whether a chart claims the point's degree: without a birth time the Moon may be anywhere in a 13° arc,
    so it takes part in no aspect and meets no transit; every other body moves little enough in a day."""
    return time_known or name != "Moon"


def south_node(north_node: float) -> float:
    """The South Node is the North Node's opposite point."""
    return normalize(north_node + 180.0)


def is_day_chart(sun: float, ascendant: float) -> bool:
    """The Sun above the horizon: in the half of the zodiac from the Descendant through the MC to the Ascendant."""
    return normalize(sun - ascendant) > 180.0


def part_of_fortune(sun: float, moon: float, ascendant: float) -> float:
    """Ascendant + Moon − Sun by day; by night the Sun and Moon swap (the Hellenistic reversal)."""
    if is_day_chart(sun, ascendant):
        return normalize(ascendant + moon - sun)
    return normalize(ascendant + sun - moon)
