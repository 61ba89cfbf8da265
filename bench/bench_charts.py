"""Natal charts per second and SVG wheels per second, beside kerykeion on the same charts.

Run: .venv/bin/pip install -r requirements-bench.txt && .venv/bin/python bench/bench_charts.py
Not a test: the numbers go into the README.
"""

import datetime as dt
import random
import sys
import time
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.local_time import to_universal_time
from core.astro.wheel import render_wheel

ZONES = [
    ("Europe/London", 51.5, -0.12), ("America/New_York", 40.7, -74.0), ("Asia/Kolkata", 28.6, 77.2),
    ("Asia/Tokyo", 35.7, 139.7), ("Australia/Sydney", -33.9, 151.2), ("America/Sao_Paulo", -23.5, -46.6),
    ("Africa/Lagos", 6.5, 3.4), ("Europe/Berlin", 52.5, 13.4),
]  # fmt: skip


def births(n: int, seed: int = 7) -> list[tuple[dt.datetime, float, float, str]]:
    """Local birth moments that exist exactly once, spread over 1930–2020."""
    rng = random.Random(seed)
    found = []
    while len(found) < n:
        zone, lat, lon = rng.choice(ZONES)
        local = dt.datetime(1930, 1, 1) + dt.timedelta(minutes=rng.randrange(90 * 365 * 1440))
        try:
            resolved = to_universal_time(local.date(), local.time(), zone, fold=0)
        except ValueError:
            continue
        found.append((local, lat, lon, zone, resolved.utc))
    return found


def ours(items, with_svg: bool) -> None:
    for _, lat, lon, _, utc in items:
        chart = compute_natal_chart(ChartRequest(utc, lat, lon))
        if with_svg:
            render_wheel(chart, "bench")


def theirs(items, with_svg: bool) -> None:
    from kerykeion import AstrologicalSubjectFactory, ChartDataFactory, ChartDrawer

    for local, lat, lon, zone, _ in items:
        subject = AstrologicalSubjectFactory.from_birth_data(
            "bench", local.year, local.month, local.day, local.hour, local.minute,
            lng=lon, lat=lat, tz_str=zone, online=False, suppress_geonames_warning=True,
        )  # fmt: skip
        if with_svg:
            data = ChartDataFactory.create_natal_chart_data(subject)
            ChartDrawer(data).generate_svg_string()


def rate(fn, items, with_svg: bool) -> float:
    start = time.perf_counter()
    fn(items, with_svg)
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    items = births(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    ours(items[:10], True)  # warm the caches of both before timing
    theirs(items[:10], True)
    rows = []
    for label, with_svg in (("natal charts / s", False), ("SVG wheels / s (chart + wheel)", True)):
        a, b = rate(ours, items, with_svg), rate(theirs, items, with_svg)
        rows.append((label, a, b, a / b))
    print(f"{len(items)} charts, Python {sys.version.split()[0]}, tz database {zoneinfo.TZPATH[:1]}")
    print("| measure | Spiritual G-Code | kerykeion | ratio |\n|---|---|---|---|")
    for label, a, b, ratio in rows:
        print(f"| {label} | {a:,.0f} | {b:,.0f} | {ratio:.1f}× |")


if __name__ == "__main__":
    main()
