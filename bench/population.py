"""The calibration population: varied births and every day of a year.

bench/gcode_calibration.py prints the G-Code's distribution over it for docs/gcode.md, and
tests/gcode/test_calibration.py checks the same population against its bounds.
"""

import datetime as dt
import random

from core.astro.chart import ChartRequest


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
