"""Calibration: over every day of a year for 100 varied charts the score uses its whole range.

The population (bench/population.py) is the one bench/gcode_calibration.py prints for docs/gcode.md.
"""

import statistics
from collections import Counter

import pytest

from bench.population import days_of, varied_charts
from core.astro.chart import compute_natal_chart
from core.astro.transits import day_report
from core.gcode.facts import contact_of, transit_points
from core.gcode.score import gcode_score, intensity_level


def year_of_scores() -> list[int]:
    charts = []
    for request in varied_charts(100):
        points = transit_points(compute_natal_chart(request).points, request.time_known)
        charts.append((points, request.time_known))
    return [
        gcode_score([contact_of(e) for e in day_report(points, date, "UTC").events], time_known)
        for date in days_of(2026)
        for points, time_known in charts
    ]


@pytest.mark.slow  # about a minute: 36,500 days scored
def test_a_year_for_100_charts_uses_every_level_centres_and_rarely_pins_the_ends():
    scores = year_of_scores()

    assert len(scores) == 36_500
    levels = Counter(intensity_level(s) for s in scores)
    assert set(levels) == {"low", "medium", "high", "intense"}
    assert all(count / len(scores) >= 0.05 for count in levels.values())
    assert 35 <= statistics.median(scores) <= 65
    assert scores.count(1) / len(scores) <= 0.05
    assert scores.count(100) / len(scores) <= 0.05
