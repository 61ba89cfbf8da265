"""The natal reading from the local engine: Sun, Moon and Rising, each placement, each major aspect, in four tones.

Everything is composed from the chart's facts and written tables, so every point in every sign
and house, and every pair of points in every major aspect, has words.
"""

from dataclasses import dataclass

from core.astro.aspects import KIND_BY_NAME
from core.oracle.natal_tables import (
    BIG_THREE_ROLES,
    HOUSE_IMAGES,
    HOUSE_KEYWORDS,
    HOUSE_MEANINGS,
    NATAL_NATURE,
    NATAL_NATURE_ACTIONS,
    NATAL_NATURE_IMAGES,
)
from core.oracle.tables import (
    KIND_IMAGES,
    KIND_VERBS,
    NATAL_MEANINGS,
    POINT_IMAGES,
    POINT_KEYWORDS,
    SIGN_KEYWORDS,
    SIGN_MOODS,
)
from core.oracle.texts import Engine

ENGINE = Engine.LOCAL
ORDINALS = ("1st", "2nd", "3rd", *(f"{n}th" for n in range(4, 13)))


@dataclass(frozen=True)
class Placement:
    name: str
    sign: str
    house: int | None
    retrograde: bool = False


@dataclass(frozen=True)
class NatalAspect:
    first: str
    kind: str
    second: str


@dataclass(frozen=True)
class NatalReading:
    """The reading's parts, with the engine that wrote them (and why the local one, when Gemini failed)."""

    summary: str
    placements: list[tuple[str, str]]  # (heading, paragraph)
    aspects: list[tuple[str, str]]
    engine: str = ENGINE
    model: str = ""
    fallback_reason: str = ""


def house_phrase(house: int | None, tone: str) -> str:
    if house is None:
        return ""
    return {
        "inspiring": f" It comes alive in {HOUSE_MEANINGS[house]}.",
        "practical": f" In the {ORDINALS[house - 1]} house it shows up in {HOUSE_MEANINGS[house]}.",
        "poetic": f" It lives {HOUSE_IMAGES[house]}.",
        "technical": f" house={house} ({HOUSE_KEYWORDS[house]}).",
    }[tone]


def placement_text(p: Placement, tone: str) -> str:
    """One point in its sign (and house), in a tone."""
    meaning, mood, keyword = NATAL_MEANINGS[p.name], SIGN_MOODS[p.sign], SIGN_KEYWORDS[p.sign]
    retro = {
        "inspiring": " Retrograde at birth, it turns inward first: your own pace is the right one.",
        "practical": " It was retrograde at birth: expect to revise and return before you commit.",
        "poetic": " It walked backwards when you arrived, gathering what others pass by.",
        "technical": " retrograde=true: internal processing before external output.",
    }[tone]
    opening = {
        "inspiring": f"Your {meaning} carries the spirit of {p.sign}: {mood}, growing through {keyword}.",
        "practical": f"{p.name} in {p.sign}: your {meaning} works in a {mood} way; lean on {keyword}.",
        "poetic": f"{POINT_IMAGES[p.name].capitalize()} is dressed in {p.sign}, {mood}, and smells of {keyword}.",
        "technical": f"[{p.name} in {p.sign}] {POINT_KEYWORDS[p.name]} runs in {keyword} mode ({mood}).",
    }[tone]
    return opening + house_phrase(p.house, tone) + (retro if p.retrograde else "")


def aspect_text(a: NatalAspect, tone: str) -> str:
    """One major aspect between two points, in a tone."""
    nature = KIND_BY_NAME[a.kind].nature
    first, second = NATAL_MEANINGS[a.first], NATAL_MEANINGS[a.second]
    return {
        "inspiring": f"Your {first} {KIND_VERBS[a.kind]} your {second}: {NATAL_NATURE[nature]}.",
        "practical": f"{a.first} {a.kind} {a.second}: your {first} and your {second} are linked; "
        f"{NATAL_NATURE[nature]}.",
        "poetic": f"{POINT_IMAGES[a.first].capitalize()} {KIND_IMAGES[a.kind]} {POINT_IMAGES[a.second]}, "
        f"like {NATAL_NATURE_IMAGES[nature]}.",
        "technical": f"[{a.first} {a.kind} {a.second}] {POINT_KEYWORDS[a.first]} <-> {POINT_KEYWORDS[a.second]}, "
        f"nature={nature}, action={NATAL_NATURE_ACTIONS[nature]}.",
    }[tone]


def big_three(sun: str, moon: str, rising: str | None, tone: str) -> str:
    """The Sun, Moon and Rising summary; without a birth time there is no Rising sign to speak of."""
    parts = [("Sun", sun), ("Moon", moon)] + ([("Ascendant", rising)] if rising else [])
    said = {
        "inspiring": [f"{BIG_THREE_ROLES[n].capitalize()} shines in {s}, {SIGN_MOODS[s]}." for n, s in parts],
        "practical": [f"{n} in {s}: {BIG_THREE_ROLES[n]} is {SIGN_MOODS[s]}." for n, s in parts],
        "poetic": [f"{POINT_IMAGES[n].capitalize()} is {s}-coloured, {SIGN_MOODS[s]}." for n, s in parts],
        "technical": [f"{n}={s} ({SIGN_KEYWORDS[s]}): {BIG_THREE_ROLES[n]}." for n, s in parts],
    }[tone]
    heading = f"Sun in {sun}, Moon in {moon}" + (
        f", {rising} rising." if rising else "; birth time unknown, so no Rising sign."
    )
    return " ".join([heading, *said])


def natal_reading(placements: list[Placement], aspects: list[NatalAspect], tone: str) -> NatalReading:
    """The whole reading: the big three, then each placement, then each major aspect (closest first, as given)."""
    by_name = {p.name: p for p in placements}
    rising = by_name["Ascendant"].sign if "Ascendant" in by_name else None
    summary = big_three(by_name["Sun"].sign, by_name["Moon"].sign, rising, tone)
    placed = [(heading(p), placement_text(p, tone)) for p in placements]
    major = major_only(aspects)
    return NatalReading(summary, placed, [(f"{a.first} {a.kind} {a.second}", aspect_text(a, tone)) for a in major])


def major_only(aspects: list[NatalAspect]) -> list[NatalAspect]:
    """The reading speaks of major aspects only: minor ones are on the wheel and in the grid."""
    return [a for a in aspects if KIND_BY_NAME[a.kind].major]


def heading(p: Placement) -> str:
    return f"{p.name} in {p.sign}" + (f", {ORDINALS[p.house - 1]} house" if p.house else "")
