"""The facts of a day's Spiritual Patch Notes: a version and items sorted into release-note sections.

Harmonious aspects ship as new features, conjunctions as improvements, separating tensions as
bug fixes, applying tensions and retrograde planets as known issues, and stations, ingresses and
eclipses as breaking changes. The words are the oracle's; this module only decides what goes where.
"""

from dataclasses import dataclass

from core.gcode.facts import DayFacts, TransitFact

SECTIONS: tuple[str, ...] = ("New features", "Improvements", "Bug fixes", "Known issues", "Breaking changes")


@dataclass(frozen=True)
class NoteItem:
    """One line of the notes: what kind of fact it is and the fact's fields."""

    section: str
    kind: str  # "transit", "retrograde", "station", "ingress" or "eclipse"
    fields: dict[str, str]


def version_of(date: str) -> str:
    """2026-11-24 → v2026.11.24."""
    return "v" + date.replace("-", ".")


def transit_section(t: TransitFact) -> str:
    if t.nature == "harmonious":
        return "New features"
    if t.nature == "neutral":
        return "Improvements"
    return "Known issues" if t.applying else "Bug fixes"


def transit_item(t: TransitFact) -> NoteItem:
    fields = {"transit": t.transit, "natal": t.natal, "kind": t.kind, "exact_at": t.exact_clock or ""}
    return NoteItem(transit_section(t), "transit", fields)


def note_items(facts: DayFacts) -> list[NoteItem]:
    """Every item of the day's notes, most important first: transits by strength, then the sky's events."""
    items = [transit_item(t) for t in facts.transits]
    items += [NoteItem("Known issues", "retrograde", {"body": body}) for body in facts.retrogrades]
    items += [NoteItem("Breaking changes", "station", s) for s in facts.stations]
    items += [NoteItem("Breaking changes", "ingress", i) for i in facts.ingresses]
    items += [NoteItem("Breaking changes", "eclipse", e) for e in facts.eclipses]
    return items
