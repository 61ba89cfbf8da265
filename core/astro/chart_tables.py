"""The chart page's tables, from a stored chart: aspect grid, cusps and angles, and the balance explained."""

from typing import Any

from core.astro.aspects import KIND_BY_NAME
from core.astro.chart import ELEMENT_WEIGHTS, UNWEIGHED_POINTS
from core.astro.zodiac import ELEMENTS, MODALITIES, SIGN_GLYPHS, format_degree_minute, normalize, sign_index

ANGLES = (("AC", "Ascendant", 0.0), ("DC", "Descendant", 180.0), ("MC", "Midheaven", 0.0), ("IC", "Imum Coeli", 180.0))


def orb_text(orb: float) -> str:
    """2.2167 → "2°13′"."""
    degrees, minutes = divmod(int(orb * 60 + 1e-9), 60)
    return f"{degrees}°{minutes:02d}′"


def aspect_cell(aspect: dict[str, Any]) -> dict[str, Any]:
    kind = KIND_BY_NAME[aspect["kind"]]
    motion = "applying" if aspect["applying"] else "separating"
    return {
        "glyph": kind.glyph,
        "nature": kind.nature,
        "orb": orb_text(aspect["orb"]),
        "title": f"{aspect['first']} {kind.name} {aspect['second']}, orb {orb_text(aspect['orb'])}, {motion}",
    }


def aspect_grid(points: list[dict[str, Any]], aspects: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """A triangular grid: a column per point but the last, a row per point but the first, glyphs on both axes."""
    by_pair = {frozenset((a["first"], a["second"])): a for a in aspects}
    heads = [{"name": p["name"], "glyph": p["glyph"]} for p in points]
    rows = []
    for row, point in enumerate(points[1:], start=1):
        cells: list[dict[str, Any] | bool | None] = [
            by_pair.get(frozenset((point["name"], other["name"]))) for other in points[:row]
        ]
        cells += [False] * (len(points) - 1 - row)  # False: beyond the diagonal, drawn empty
        rows.append({**heads[row], "cells": [aspect_cell(c) if isinstance(c, dict) else c for c in cells]})
    return {"columns": heads[:-1], "rows": rows}


def sign_position(longitude: float) -> dict[str, str]:
    """ "6°19′ Taurus" with the sign's glyph and element, for coloured display."""
    sign = sign_index(longitude)
    return {"position": format_degree_minute(longitude), "glyph": SIGN_GLYPHS[sign], "element": ELEMENTS[sign % 4]}


def cusp_rows(cusps: list[float]) -> list[dict[str, Any]]:
    return [{"house": index, **sign_position(cusp)} for index, cusp in enumerate(cusps, start=1)]


def angle_rows(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """AC, DC, MC and IC in sign, degree and minute (empty without a birth time)."""
    longitudes = {p["name"]: p["longitude"] for p in points}
    if "Ascendant" not in longitudes:
        return []
    base = {"AC": "Ascendant", "DC": "Ascendant", "MC": "Midheaven", "IC": "Midheaven"}
    return [
        {"abbr": abbr, "name": name, **sign_position(normalize(longitudes[base[abbr]] + turn))}
        for abbr, name, turn in ANGLES
    ]


def weighting_note() -> str:
    """How the balance counts, said in words from the weights themselves."""
    doubled = [name for name, weight in ELEMENT_WEIGHTS.items() if weight == 2]
    single = [name for name, weight in ELEMENT_WEIGHTS.items() if weight == 1]
    left_out = sorted(UNWEIGHED_POINTS)
    return (
        f"Weighted count: {', '.join(doubled)} count 2; each other planet and the {', '.join(single)} count 1; "
        f"{', '.join(left_out)} are points, not counted."
    )


def balance_rows(chart: dict[str, Any]) -> list[dict[str, Any]]:
    """Each element and modality with its weighted count and the points (and weights) behind it."""
    members = chart.get("balance_members", {})
    rows = []
    for group, names in (("elements", ELEMENTS), ("modalities", MODALITIES)):
        for name in names:
            found = [f"{point} ×{weight}" if weight > 1 else point for point, weight in members.get(name, [])]
            rows.append({"name": name, "group": group, "count": chart[group][name], "members": ", ".join(found)})
    return rows


def page_tables(chart: dict[str, Any]) -> dict[str, Any]:
    """Everything the chart page shows in tables, from the stored chart."""
    return {
        "grid": aspect_grid(chart["points"], chart["aspects"]),
        "cusps": cusp_rows(chart["houses"]) if chart["houses"] else [],
        "angles": angle_rows(chart["points"]),
        "balance": balance_rows(chart),
        "balance_total": sum(chart["elements"].values()),
        "weighting": weighting_note(),
    }
