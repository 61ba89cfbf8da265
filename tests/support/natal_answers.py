"""A natal chart's placements and aspects, and a good Gemini answer for its reading."""

import datetime as dt
import json

from core.astro.chart import ChartRequest, compute_natal_chart
from core.oracle.natal import NatalAspect, Placement, major_only
from tests.support.fake_gemini import Behaviour, answer

CHART = compute_natal_chart(ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.5, -0.12))
PLACEMENTS = [Placement(p.name, p.sign, p.house, p.retrograde) for p in CHART.points]
ASPECTS = [NatalAspect(a.first, a.kind, a.second) for a in CHART.aspects]
MAJOR = major_only(ASPECTS)


def good_natal_answer(**changes) -> Behaviour:
    data = {
        "summary": "You are a quick mind with a deep, dreamy heart, and you meet the world with grace.",
        "placements": [f"Paragraph on {p.name}." for p in PLACEMENTS],
        "aspects": [f"Paragraph on {a.first} and {a.second}." for a in MAJOR],
    } | changes
    return Behaviour(body=answer(json.dumps(data)))
