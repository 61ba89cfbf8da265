"""Why this score: each leading contact's share of the day's total, and what the level means."""

from collections.abc import Sequence
from dataclasses import dataclass

from core.gcode.facts import TransitFact
from core.gcode.score import Level

# The score measures how strongly the sky touches the chart today, not whether the day is good.
LEVEL_MEANINGS: dict[str, str] = {
    Level.LOW: "Below 25: few or loose contacts. A quiet day that asks little; good for routine and rest.",
    Level.MEDIUM: "25 to 49: a typical day. Some contacts are close enough to notice, none dominates.",
    Level.HIGH: "50 to 74: several close contacts. The day has a clear theme; plan around it.",
    Level.INTENSE: "75 and above: many tight contacts at once. Much is moving; leave room and go gently.",
}
LEVEL_NOTE = "The level says how much is happening, not whether it is good: harmonious and tense contacts both count."


@dataclass(frozen=True)
class Share:
    transit: str
    kind: str
    natal: str
    nature: str
    retrograde: bool
    exact_at: str | None
    strength: float
    orb: float
    percent: float  # of the day's raw total


def shares(transits: Sequence[TransitFact], total: float) -> list[Share]:
    """Each leading contact's share of the day's raw total (records stored before the total was kept
    fall back to the sum of the leading contacts)."""
    whole = total or sum(t.strength for t in transits)
    return [
        Share(t.transit, t.kind, t.natal, t.nature, t.retrograde, t.exact_at, t.strength, t.orb,
              round(100 * t.strength / whole, 1) if whole else 0.0)
        for t in transits
    ]  # fmt: skip
