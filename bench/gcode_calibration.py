"""The G-Code's distribution over every day of 2026 for 100 varied charts (quoted in docs/gcode.md).

Run: .venv/bin/python bench/gcode_calibration.py
Not a test: tests/gcode/test_calibration.py checks the same population against its bounds.
"""

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.population import days_of, varied_charts
from core.astro import ephemeris
from core.astro.chart import compute_natal_chart
from core.astro.transits import day_report
from core.gcode.facts import contact_of, transit_points
from core.gcode.score import LEVELS, gcode_score, intensity_level, raw_total

INSTALLED_FILES = Path(sys.prefix) / "share" / "swisseph"


def population() -> tuple[list[float], list[int]]:
    totals, scores = [], []
    charts = []
    for request in varied_charts(100):
        points = transit_points(compute_natal_chart(request).points, request.time_known)
        charts.append((points, request.time_known))
    for date in days_of(2026):
        for points, time_known in charts:
            contacts = [contact_of(e) for e in day_report(points, date, "UTC").events]
            totals.append(raw_total(contacts, time_known))
            scores.append(gcode_score(contacts, time_known))
    return totals, scores


def main() -> None:
    ephemeris.configure(str(INSTALLED_FILES) if (INSTALLED_FILES / ephemeris.PLANET_FILE).is_file() else "")
    started = time.perf_counter()
    totals, scores = population()
    n = len(scores)
    print(f"{n:,} person-days in {time.perf_counter() - started:.1f} s ({ephemeris.source().name})")
    quartiles = statistics.quantiles(totals, n=4)
    print(f"raw total R: median {statistics.median(totals):.2f}, quartiles {quartiles[0]:.2f}–{quartiles[2]:.2f}")
    at_ends = f"at 1: {scores.count(1) / n:.2%}, at 100: {scores.count(100) / n:.2%}"
    print(f"score: median {statistics.median(scores):g}, {at_ends}")
    levels = Counter(intensity_level(s) for s in scores)
    print("| level | share |\n|---|---|")
    for _, name in reversed(LEVELS):
        print(f"| {name} | {levels[name] / n:.1%} |")
    bins = Counter(min(s // 10, 9) for s in scores)
    print("| score | share |\n|---|---|")
    for b in range(10):
        low, high = b * 10, b * 10 + 9 if b < 9 else 100
        print(f"| {max(1, low)}–{high} | {bins[b] / n:.1%} {'█' * round(bins[b] / n * 100)} |")


if __name__ == "__main__":
    main()
