"""Natal charts and SVG wheels per second beside kerykeion, and our chart beside the bare Swiss Ephemeris calls.

Run: make bench (or .venv/bin/pip install -r requirements-bench.txt && .venv/bin/python bench/bench_charts.py)
Not a test: the numbers go into the README. Arguments: [charts per measurement] [wheels per measurement] [rounds].

Every figure comes from one run and is printed beside its reference and its target:
- Natal charts from the same local birth data (date, clock time, IANA zone, place) as kerykeion's
  `AstrologicalSubjectFactory.from_birth_data` gets, measured two ways:
  positions: what that call computes, beside ours. Kerykeion's subject holds positions (each body
  computed twice, the second time for its declination), the true South Node, Mean Lilith,
  houses with their speeds, the four angles and the lunar phase, and no aspects or element
  balance (its `ChartDataFactory` adds those). Ours resolves the clock time to UT with the
  zone's historical offset and computes positions, houses and angles: a chart's aspects and
  balance are computed on first use, and this measurement does not use them.
  full chart: ours with its aspects and element balance read, beside kerykeion's subject and
  `ChartDataFactory.create_natal_chart_data` (aspects, element and quality distribution); and
  our full chart beside kerykeion's subject alone, the comparison the targets were first set on.
- Both libraries run twice: on the Swiss Ephemeris files that `make` installs (our default), and
  as they come without them (ours: Moshier; kerykeion: its bundled folder, which has only the
  asteroid file, so its planets fall back to Moshier). "As installed" sets our files beside
  kerykeion as shipped. Swiss Ephemeris keeps one global file path, so each run sets its own first.
- The bare chart (`compute_natal_chart` of a resolved request, aspects and balance read) beside a
  loop of the same `swe.calc_ut` and `swe.houses_ex` calls alone, on the same Julian days and places.
- SVG wheels (chart + the printable wheel), and the wheel drawing alone beside the bare chart.

The machine may be shared, so each figure is this process's CPU time (`time.process_time`), the
best of several rounds that interleave all the measurements, taken chunk by chunk of 25 items:
a busy neighbour slows them alike.
"""

import datetime as dt
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import swisseph

from core.astro import ephemeris
from core.astro.chart import ChartRequest, NatalChart, chart_bodies, compute_natal_chart
from core.astro.local_time import LocalTimeError, to_universal_time
from core.astro.wheel import render_wheel

ZONES = [
    ("Europe/London", 51.5, -0.12), ("America/New_York", 40.7, -74.0), ("Asia/Kolkata", 28.6, 77.2),
    ("Asia/Tokyo", 35.7, 139.7), ("Australia/Sydney", -33.9, 151.2), ("America/Sao_Paulo", -23.5, -46.6),
    ("Africa/Lagos", 6.5, 3.4), ("Europe/Berlin", 52.5, 13.4),
]  # fmt: skip
INSTALLED_FILES = Path(sys.prefix) / "share" / "swisseph"
SOURCES: dict[str, Path | None] = {"files": INSTALLED_FILES, "moshier": None}
CHUNK = 25  # items timed together
TARGETS, NONE = ("≥ 10×", "≥ 4×"), ("", "")  # natal charts / s beside kerykeion: as installed, on the files
T = TypeVar("T")


@dataclass(frozen=True)
class Birth:
    """What a person types: a local clock time, a place and its zone."""

    local: dt.datetime
    latitude: float
    longitude: float
    zone: str


def births(n: int, seed: int = 7) -> list[Birth]:
    """Local birth moments that exist exactly once (no DST gap or fold), spread over 1930–2020."""
    rng = random.Random(seed)
    found: list[Birth] = []
    while len(found) < n:
        zone, lat, lon = rng.choice(ZONES)
        local = dt.datetime(1930, 1, 1) + dt.timedelta(minutes=rng.randrange(90 * 365 * 1440))
        try:
            to_universal_time(local.date(), local.time(), zone)
        except LocalTimeError:
            continue
        found.append(Birth(local, lat, lon, zone))
    return found


@contextmanager
def kerykeion_reading(path: Path | None) -> Iterator[None]:
    """Make kerykeion read Swiss Ephemeris files from `path` (None: its own bundled folder)."""
    real = swisseph.set_ephe_path
    if path is not None:
        swisseph.set_ephe_path = lambda _bundled: real(str(path))
    try:
        yield
    finally:
        swisseph.set_ephe_path = real


def theirs(items: Sequence[Birth], work: str) -> None:
    """Kerykeion's subject ("positions"), with its chart data ("full") or with its SVG wheel ("wheel")."""
    from kerykeion import AstrologicalSubjectFactory, ChartDataFactory, ChartDrawer

    for birth in items:
        local = birth.local
        subject = AstrologicalSubjectFactory.from_birth_data(
            "bench", local.year, local.month, local.day, local.hour, local.minute,
            lng=birth.longitude, lat=birth.latitude, tz_str=birth.zone, online=False, suppress_geonames_warning=True,
        )  # fmt: skip
        if work == "full":
            ChartDataFactory.create_natal_chart_data(subject)
        elif work == "wheel":
            ChartDrawer(ChartDataFactory.create_natal_chart_data(subject)).generate_svg_string()


def ours(items: Sequence[Birth], work: str) -> None:
    """Our chart ("positions"), with its aspects and balance read ("full") or with its SVG wheel ("wheel")."""
    for birth in items:  # from what a person types, as the site computes it
        chart = compute_natal_chart(resolved_request(birth))
        if work == "full":
            full_chart(chart)
        elif work == "wheel":
            render_wheel(chart, "bench")


def full_chart(chart: NatalChart) -> None:
    """Read what a chart computes on first use: its aspects and its balance."""
    chart.aspects  # noqa: B018
    chart.balance  # noqa: B018


def bare_charts(requests: Sequence[ChartRequest]) -> None:
    for request in requests:
        full_chart(compute_natal_chart(request))


Call = tuple[float, float, float]  # Julian day (UT), latitude, longitude


def swiss_calls(calls: Sequence[Call]) -> None:
    """The Swiss Ephemeris calls a bare chart makes, and nothing else (Julian days computed before)."""
    ids = [body.swe_id for body in chart_bodies(ephemeris.Body.TRUE_NODE)]
    flag = ephemeris.source().flag | swisseph.FLG_SPEED
    calc_ut, houses_ex = swisseph.calc_ut, swisseph.houses_ex
    for jd, latitude, longitude in calls:
        houses_ex(jd, latitude, longitude, b"P", 0)
        for body in ids:
            calc_ut(jd, body, flag)


def wheels_alone(charts: Sequence[NatalChart]) -> None:
    for chart in charts:
        render_wheel(chart, "bench")


class Timer:
    """Best CPU seconds per item of each named measurement, over interleaved rounds.

    Items are timed in chunks of `CHUNK` and each chunk keeps its best round, so that a slow
    measurement (kerykeion's) has as good a chance of quiet moments as a quick one.
    """

    def __init__(self) -> None:
        self.best: dict[str, list[float]] = {}
        self.counts: dict[str, int] = {}

    def run(self, name: str, items: Sequence[T], work: Callable[[Sequence[T]], None]) -> None:
        chunks = [items[k : k + CHUNK] for k in range(0, len(items), CHUNK)]
        best = self.best.setdefault(name, [float("inf")] * len(chunks))
        self.counts[name] = len(items)
        for index, chunk in enumerate(chunks):
            start = time.process_time()
            work(chunk)
            best[index] = min(best[index], time.process_time() - start)

    def per_item(self, name: str) -> float:
        return sum(self.best[name]) / self.counts[name]

    def rate(self, name: str) -> float:
        return 1.0 / self.per_item(name)

    def micros(self, name: str) -> float:
        return self.per_item(name) * 1e6


def resolved_request(birth: Birth) -> ChartRequest:
    resolved = to_universal_time(birth.local.date(), birth.local.time(), birth.zone)
    return ChartRequest(resolved.utc, birth.latitude, birth.longitude)


def one_round(timer: Timer, source: str, charts: list[Birth], wheels: list[Birth]) -> None:
    """Every measurement once on one ephemeris source."""
    path = SOURCES[source]
    ephemeris.configure(str(path) if path else "")
    requests = [resolved_request(birth) for birth in charts]
    calls = [(ephemeris.julian_day(r.instant), r.latitude, r.longitude) for r in requests]
    computed = [compute_natal_chart(request) for request in requests[: len(wheels)]]
    for chart in computed:  # the drawing alone: aspects read before, as the bare chart reads them
        full_chart(chart)
    timer.run(f"swiss calls {source}", calls, swiss_calls)
    timer.run(f"bare {source}", requests, bare_charts)
    for work in ("positions", "full"):
        timer.run(f"ours {work} {source}", charts, lambda chunk: ours(chunk, work))  # noqa: B023 (run at once)
    timer.run(f"ours wheel {source}", wheels, lambda chunk: ours(chunk, "wheel"))
    timer.run(f"wheel alone {source}", computed, wheels_alone)
    with kerykeion_reading(path):
        for work in ("positions", "full"):
            timer.run(f"theirs {work} {source}", charts, lambda chunk: theirs(chunk, work))  # noqa: B023
        timer.run(f"theirs wheel {source}", wheels, lambda chunk: theirs(chunk, "wheel"))


def row(measure: str, ephemeris_used: str, ours_figure: str, reference: str, ratio: float, target: str) -> str:
    if target.startswith("≥"):
        met = "yes" if ratio >= float(target.strip("≥ ×")) else "no"
    elif target.startswith("≤"):
        met = "yes" if ratio <= float(target.strip("≤ ×")) else "no"
    else:
        met = ""
    return f"| {measure} | {ephemeris_used} | {ours_figure} | {reference} | {ratio:.2f}× | {target} | {met} |"


def table(timer: Timer) -> list[str]:
    lines = [
        "| measure | ephemeris | Spiritual G-Code | reference | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    comparisons = (  # label, our measurement, theirs, targets as installed and on the files
        ("natal charts / s, positions and houses (kerykeion: from_birth_data)", "positions", "positions", TARGETS),
        ("natal charts / s, with aspects and balance (kerykeion: + create_natal_chart_data)", "full", "full", NONE),
        ("natal charts / s, our full chart beside kerykeion's from_birth_data", "full", "positions", TARGETS),
        ("SVG wheels / s (chart + wheel)", "wheel", "wheel", NONE),  # the wheels' rates are shown, not targeted
    )
    for label, our_work, their_work, target in comparisons:
        ours_files, their_files = timer.rate(f"ours {our_work} files"), timer.rate(f"theirs {their_work} files")
        ours_moshier = timer.rate(f"ours {our_work} moshier")
        their_moshier = timer.rate(f"theirs {their_work} moshier")
        for ephemeris_used, a, b, wanted in (
            ("as installed (ours: Swiss files; kerykeion: as shipped)", ours_files, their_moshier, target[0]),
            ("both on the Swiss files", ours_files, their_files, target[1]),
            ("both on Moshier", ours_moshier, their_moshier, ""),
        ):
            lines.append(row(label, ephemeris_used, f"{a:,.0f}", f"kerykeion {b:,.0f}", a / b, wanted))
    for source, name in (("files", "Swiss files"), ("moshier", "Moshier")):
        bare, calls = timer.micros(f"bare {source}"), timer.micros(f"swiss calls {source}")
        reference = f"swe.calc_ut + swe.houses_ex loop {calls:,.0f}"
        label = "bare chart (aspects and balance read), µs"
        lines.append(row(label, name, f"{bare:,.0f}", reference, bare / calls, "≤ 2×"))
    for source, name in (("files", "Swiss files"), ("moshier", "Moshier")):
        wheel, bare = timer.micros(f"wheel alone {source}"), timer.micros(f"bare {source}")
        lines.append(row("wheel drawing alone, µs", name, f"{wheel:,.0f}", f"bare chart {bare:,.0f}", wheel / bare, ""))
    return lines


def cpu_name() -> str:
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    names = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
    return names[0] if names else platform.machine()


def main() -> None:
    args = [int(a) for a in sys.argv[1:4]]
    n_charts, n_wheels, rounds = [*args, *(300, 100, 5)[len(args) :]]
    if not (INSTALLED_FILES / ephemeris.PLANET_FILE).is_file():
        sys.exit(f"No Swiss Ephemeris files in {INSTALLED_FILES}: run `make test` first.")
    charts = births(n_charts)
    wheels = charts[:n_wheels]
    for path in SOURCES.values():  # warm the caches and imports of both before timing
        ephemeris.configure(str(path) if path else "")
        ours(charts[:10], "wheel")
        with kerykeion_reading(path):
            theirs(charts[:10], "wheel")
    load_before = os.getloadavg()
    timer = Timer()
    for _ in range(rounds):
        for source in SOURCES:
            one_round(timer, source, charts, wheels)
    load_after = os.getloadavg()
    print(
        f"{n_charts} charts and {n_wheels} wheels per measurement, best of {rounds} interleaved rounds, CPU time; "
        f"Python {platform.python_version()}, pyswisseph {version('pyswisseph')}, kerykeion {version('kerykeion')}; "
        f"{cpu_name()}, {os.cpu_count()} cores, load average {load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    print("\n".join(table(timer)))


if __name__ == "__main__":
    main()
