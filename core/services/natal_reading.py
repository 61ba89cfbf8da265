"""The natal reading of a person's stored chart, in their tone."""

from core.models import NatalChart as NatalChartRecord
from core.oracle.natal import NatalAspect, NatalReading, Placement, natal_reading


def reading_facts(data: dict) -> tuple[list[Placement], list[NatalAspect]]:
    """Placements and aspects of a stored chart, as the text engines take them."""
    placements = [Placement(p["name"], p["sign"], p["house"], p["retrograde"]) for p in data["points"]]
    aspects = [NatalAspect(a["first"], a["kind"], a["second"]) for a in data["aspects"]]
    return placements, aspects


def local_natal_reading(record: NatalChartRecord, tone: str) -> NatalReading:
    return natal_reading(*reading_facts(record.data), tone)
