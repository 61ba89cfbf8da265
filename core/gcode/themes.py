"""The day's themes: 3–5 hashtags drawn from the leading transits' planets, aspects and natal houses."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.gcode.facts import TransitFact

PLANET_THEMES: dict[str, str] = {
    "Sun": "#Purpose", "Moon": "#Feelings", "Mercury": "#Communication", "Venus": "#Connection",
    "Mars": "#Drive", "Jupiter": "#Growth", "Saturn": "#Discipline", "Uranus": "#Breakthrough",
    "Neptune": "#Intuition", "Pluto": "#Transformation", "True Node": "#Direction",
}  # fmt: skip
KIND_THEMES: dict[str, str] = {
    "conjunction": "#NewCycle", "opposition": "#Balance", "square": "#Friction", "trine": "#Flow",
    "sextile": "#Opportunity", "quincunx": "#Adjustment", "semisextile": "#SmallSteps",
    "semisquare": "#Pressure", "sesquiquadrate": "#Pressure", "quintile": "#Craft", "biquintile": "#Craft",
}  # fmt: skip
HOUSE_THEMES: dict[int, str] = {
    1: "#SelfImage", 2: "#Resources", 3: "#Learning", 4: "#Home", 5: "#Creativity", 6: "#Routines",
    7: "#Partnership", 8: "#SharedPower", 9: "#Horizons", 10: "#Career", 11: "#Community", 12: "#Retreat",
}  # fmt: skip
PHASE_THEMES: dict[str, str] = {
    "New Moon": "#FreshStart", "Waxing Crescent": "#Intention", "First Quarter": "#Commitment",
    "Waxing Gibbous": "#Refinement", "Full Moon": "#Culmination", "Waning Gibbous": "#Gratitude",
    "Last Quarter": "#Release", "Waning Crescent": "#Rest",
}  # fmt: skip
MIN_THEMES, MAX_THEMES = 3, 5


def candidate_themes(transits: Sequence["TransitFact"]) -> list[str]:
    """Planet, natal house and aspect tags of each leading transit, strongest transit first."""
    tags = []
    for t in transits:
        tags.append(PLANET_THEMES.get(t.transit, "#Awareness"))
        if t.natal_house:
            tags.append(HOUSE_THEMES[t.natal_house])
        tags.append(KIND_THEMES[t.kind])
    return tags


def day_themes(transits: Sequence["TransitFact"], moon: dict[str, Any]) -> list[str]:
    """3–5 distinct hashtags; a quiet day borrows the Moon's phase and sign to reach three."""
    fallback = [PHASE_THEMES[moon["phase"]], f"#MoonIn{moon['sign']}", "#Integration"]
    themes: list[str] = []
    for tag in [*candidate_themes(transits), *fallback]:
        if tag not in themes:
            themes.append(tag)
    count = MAX_THEMES if len(themes) >= MAX_THEMES else max(MIN_THEMES, len(themes))
    return themes[:count]
