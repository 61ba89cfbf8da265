"""Charts and days the G-Code and oracle tests share."""

import datetime as dt
import random

from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.transits import day_report
from core.gcode.facts import DayFacts, NatalPoint, day_facts

LONDON_1990 = ChartRequest(dt.datetime(1990, 6, 15, 13, 30, tzinfo=dt.UTC), 51.50853, -0.12574)


def natal_points(request: ChartRequest) -> list[NatalPoint]:
    chart = compute_natal_chart(request)
    return [NatalPoint(p.name, p.longitude, 0.0, p.house) for p in chart.points]


def facts_on(date: dt.date, request: ChartRequest = LONDON_1990, zone: str = "Europe/London") -> DayFacts:
    points = natal_points(request)
    if not request.time_known:
        points = [p for p in points if p.name != "Moon"]
    return day_facts(day_report(points, date, zone), points, request.time_known)


def varied_charts(count: int, seed: int = 11) -> list[ChartRequest]:
    """Births spread over 1940–2010 and the inhabited latitudes; every tenth without a birth time."""
    rng = random.Random(seed)
    return [
        ChartRequest(
            dt.datetime(1940, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(70 * 365 * 1440)),
            rng.uniform(-55.0, 60.0),
            rng.uniform(-180.0, 180.0),
            time_known=index % 10 != 0,
        )
        for index in range(count)
    ]


def days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


def days_for_charts(
    charts: list[ChartRequest], dates: list[dt.date], zone: str = "Europe/London"
) -> list[list[DayFacts]]:
    """The facts of every date for each chart (one list per chart, in date order)."""
    result = []
    for request in charts:
        points = natal_points(request)
        if not request.time_known:
            points = [p for p in points if p.name != "Moon"]
        result.append([day_facts(day_report(points, d, zone), points, request.time_known) for d in dates])
    return result
