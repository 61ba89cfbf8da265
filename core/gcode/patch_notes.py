"""The facts of a day's Spiritual Patch Notes: a version and items sorted into release-note sections.

What perfects today leads, and a slow transit is an item only on a day its season turns.
Harmonious aspects ship as new features, conjunctions as improvements, separating tensions as
bug fixes, applying tensions and retrograde planets as known issues, and stations, ingresses and
eclipses as breaking changes. The words are the oracle's; this module only decides what goes where.
"""

from dataclasses import dataclass
from typing import Any

from core.astro.seasons import SLOW_BODIES
from core.gcode.day_events import season_turns
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


def contact_item(event: dict[str, Any]) -> NoteItem:
    """A contact that perfects today: a tension perfecting is a known issue until it separates."""
    section = {"harmonious": "New features", "neutral": "Improvements"}.get(event["nature"], "Known issues")
    fields = {"transit": event["body"], "natal": event["natal"], "kind": event["kind"], "exact_at": event["at"]}
    return NoteItem(section, "transit", fields)


def note_items(facts: DayFacts) -> list[NoteItem]:
    """Every item of the day's notes, most important first: what perfects today, the fast transits by
    strength, a slow transit only on a day its season turns (not the same item for months), then the sky."""
    items = [contact_item(e) for e in facts.events if e["type"] == "contact"]
    told = {(i.fields["transit"], i.fields["natal"], i.fields["kind"]) for i in items}
    turning = {(s["transit"], s["natal"], s["kind"]) for s in season_turns(facts.seasons, facts.date)}
    for t in facts.transits:
        key = (t.transit, t.natal, t.kind)
        if key not in told and (t.transit not in SLOW_BODIES or key in turning):
            items.append(transit_item(t))
    items += [NoteItem("Known issues", "retrograde", {"body": body}) for body in facts.retrogrades]
    items += [NoteItem("Breaking changes", "station", s) for s in facts.stations]
    items += [NoteItem("Breaking changes", "ingress", i) for i in facts.ingresses]
    items += [NoteItem("Breaking changes", "eclipse", e) for e in facts.eclipses]
    return items
