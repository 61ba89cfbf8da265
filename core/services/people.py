"""Saved people and relationships: charts of others, synastry, composite, Davison, and their day.

Everything here is computed on request and nothing is stored: a relationship page or a saved
person's day is a pure function of the birth data, so a GET never writes.
"""

import datetime as dt
from dataclasses import dataclass

from core.astro.biwheel import render_biwheel
from core.astro.chart import NatalChart, compute_natal_chart
from core.astro.chart_json import chart_as_dict
from core.astro.derived import composite_chart, davison_request
from core.astro.local_time import ResolvedTime
from core.astro.synastry import Synastry, synastry
from core.gcode.facts import DayFacts
from core.models import SavedPerson, User
from core.oracle import local
from core.oracle.relationship import relationship_reading
from core.oracle.texts import DailyTexts
from core.services.charts import birth_chart, chart_for
from core.services.gcode import chart_day_facts


@dataclass(frozen=True)
class Party:
    """One side of a relationship: the account holder ("me") or one of their saved people."""

    name: str
    chart: NatalChart
    resolved: ResolvedTime


@dataclass(frozen=True)
class Relationship:
    first: Party
    second: Party
    synastry: Synastry
    composite: NatalChart
    davison: NatalChart
    biwheel: str
    reading: str


def my_party(user: User) -> Party:
    chart, resolved = chart_for(user)
    return Party(user.username, chart, resolved)


def person_party(person: SavedPerson, owner: User) -> Party:
    """A saved person's side, in the owner's house system."""
    chart, resolved = birth_chart(person, owner)
    return Party(person.name, chart, resolved)


def relationship(first: Party, second: Party, tone: str) -> Relationship:
    """Synastry, overlays, composite, Davison, the bi-wheel and the reading for two people."""
    found = synastry(first.chart, second.chart)
    title = f"{first.name} (inner) and {second.name} (outer)"
    return Relationship(
        first, second, found,
        composite_chart(first.chart, second.chart),
        compute_natal_chart(davison_request(first.chart.request, second.chart.request)),
        render_biwheel(first.chart, second.chart, title, found.aspects),
        relationship_reading(found.aspects, first.name, second.name, tone),
    )  # fmt: skip


def their_day(person: SavedPerson, owner: User, date: dt.date) -> tuple[DayFacts, DailyTexts]:
    """A saved person's G-Code for a date in the owner's zone; not stored.

    The local engine writes it: this runs inside a GET, which never calls the network (so never Gemini).
    """
    chart, resolved = birth_chart(person, owner)
    facts = chart_day_facts(chart_as_dict(chart, resolved), date, owner.schedule_timezone)
    return facts, local.daily_texts(facts, owner.tone)
