"""Plain-data form of a natal chart, for JSON output and storage."""

from typing import Any

from core.astro.chart import NatalChart
from core.astro.local_time import ResolvedTime, format_offset
from core.astro.sidereal import ZODIAC_NAMES


def chart_as_dict(chart: NatalChart, resolved: ResolvedTime) -> dict[str, Any]:
    """Positions, houses, aspects and balance; longitudes in degrees, the UT instant in ISO 8601."""
    houses = chart.houses
    return {
        "ut": resolved.utc.isoformat().replace("+00:00", "Z"),
        "timezone": resolved.zone,
        "utc_offset": format_offset(resolved.offset),
        "time_known": resolved.time_known,
        "latitude": chart.request.latitude,
        "longitude": chart.request.longitude,
        "points": [
            {
                "name": p.name,
                "glyph": p.glyph,
                "longitude": round(p.longitude, 6),
                "latitude": round(p.latitude, 6),
                "sign": p.sign,
                "position": p.position,
                "house": p.house,
                "speed": round(p.speed, 6),
                "retrograde": p.retrograde,
            }
            for p in chart.points
        ],
        "houses": [round(c, 6) for c in houses.cusps] if houses else None,
        "house_system": houses.system_name if houses else None,
        "house_system_requested": houses.requested if houses else None,
        "zodiac": ZODIAC_NAMES[chart.request.zodiac],
        "aspects": [
            {"first": a.first, "second": a.second, "kind": a.kind, "orb": round(a.orb, 4), "applying": a.applying}
            for a in chart.aspects
        ],
        "elements": chart.balance.elements,
        "modalities": chart.balance.modalities,
        "balance_members": {name: [list(m) for m in found] for name, found in chart.balance.members.items()},
        "dominant_element": chart.balance.dominant_element,
        "dominant_modality": chart.balance.dominant_modality,
        "notes": list(chart.notes),
    }
