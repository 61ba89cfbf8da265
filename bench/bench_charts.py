"""Natal charts per second and SVG wheels per second, beside kerykeion on the same charts.

Run: make bench (or .venv/bin/pip install -r requirements-bench.txt && .venv/bin/python bench/bench_charts.py)
Not a test: the numbers go into the README.

Both libraries run twice: on the Swiss Ephemeris files that `make` installs (our default), and
as they come without them (ours: Moshier; kerykeion: its bundled folder, which has only the
asteroid file, so its planets fall back to Moshier). The ratio is taken against kerykeion's
faster run. Swiss Ephemeris keeps one global file path, so each run sets its own first.
"""

import datetime as dt
import random
import sys
import time
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contextlib import contextmanager

import swisseph

from core.astro import ephemeris
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


INSTALLED_FILES = Path(sys.prefix) / "share" / "swisseph"


@contextmanager
def kerykeion_reading(path: Path | None):
    """Make kerykeion read Swiss Ephemeris files from `path` (None: its own bundled folder)."""
    real = swisseph.set_ephe_path
    if path is not None:
        swisseph.set_ephe_path = lambda _bundled: real(str(path))
    try:
        yield
    finally:
        swisseph.set_ephe_path = real


def ours(items, with_svg: bool, path: Path | None) -> None:
    ephemeris.configure(str(path) if path else "")
    for _, lat, lon, _, utc in items:
        chart = compute_natal_chart(ChartRequest(utc, lat, lon))
        if with_svg:
            render_wheel(chart, "bench")


def theirs(items, with_svg: bool, path: Path | None) -> None:
    from kerykeion import AstrologicalSubjectFactory, ChartDataFactory, ChartDrawer

    with kerykeion_reading(path):
        for local, lat, lon, zone, _ in items:
            subject = AstrologicalSubjectFactory.from_birth_data(
                "bench", local.year, local.month, local.day, local.hour, local.minute,
                lng=lon, lat=lat, tz_str=zone, online=False, suppress_geonames_warning=True,
            )  # fmt: skip
            if with_svg:
                data = ChartDataFactory.create_natal_chart_data(subject)
                ChartDrawer(data).generate_svg_string()


def rate(fn, items, with_svg: bool, path: Path | None) -> float:
    start = time.perf_counter()
    fn(items, with_svg, path)
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    items = births(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    if not (INSTALLED_FILES / ephemeris.PLANET_FILE).is_file():
        sys.exit(f"No Swiss Ephemeris files in {INSTALLED_FILES}: run `make test` first.")
    for path in (INSTALLED_FILES, None):  # warm the caches of both before timing
        ours(items[:10], True, path)
        theirs(items[:10], True, path)
    print(f"{len(items)} charts, Python {sys.version.split()[0]}, tz database {zoneinfo.TZPATH[:1]}")
    print("| measure | ephemeris | Spiritual G-Code | kerykeion | ratio |\n|---|---|---|---|---|")
    for label, with_svg in (("natal charts / s", False), ("SVG wheels / s (chart + wheel)", True)):
        results = {}
        for path, source in ((INSTALLED_FILES, "Swiss Ephemeris files"), (None, "as shipped (Moshier)")):
            results[source] = (rate(ours, items, with_svg, path), rate(theirs, items, with_svg, path))
        fastest_theirs = max(b for _, b in results.values())
        for source, (a, b) in results.items():
            print(f"| {label} | {source} | {a:,.0f} | {b:,.0f} | {a / b:.1f}× |")
        best_ours, shipped = results["Swiss Ephemeris files"][0], results["as shipped (Moshier)"][1]
        print(f"| {label} | as installed: ours on files, kerykeion as shipped | | | {best_ours / shipped:.1f}× |")
        print(f"| {label} | ours on files ÷ kerykeion's faster run | | | {best_ours / fastest_theirs:.1f}× |")


if __name__ == "__main__":
    main()
