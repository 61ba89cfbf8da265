"""Charts and days the G-Code and oracle tests share (the calibration population is bench/population.py)."""

import datetime as dt

from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.transits import day_report
from core.gcode.facts import DayFacts, NatalPoint, day_facts, transit_points

LONDON_1990 = ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574)


def natal_points(request: ChartRequest) -> list[NatalPoint]:
    return transit_points(compute_natal_chart(request).points, request.time_known)


def facts_on(date: dt.date, request: ChartRequest = LONDON_1990, zone: str = "Europe/London") -> DayFacts:
    points = natal_points(request)
    return day_facts(day_report(points, date, zone), points, request.time_known)


def days_for_charts(
    charts: list[ChartRequest], dates: list[dt.date], zone: str = "Europe/London"
) -> list[list[DayFacts]]:
    """The facts of every date for each chart (one list per chart, in date order)."""
    result = []
    for request in charts:
        points = natal_points(request)
        result.append([day_facts(day_report(points, d, zone), points, request.time_known) for d in dates])
    return result
