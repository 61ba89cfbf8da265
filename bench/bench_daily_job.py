"""The daily G-Code job for 1,000 and 10,000 people, beside the bare computation of the same people.

Run: make bench-jobs (or .venv/bin/python bench/bench_daily_job.py [N ...])
Not a test: the numbers go into the README.

For each N: a fresh SQLite database with N people (varied births, 24 schedule timezones) and
their stored natal charts, as the site keeps them. Then, each in its own process so that peak
memory is its own: the job exactly as the scheduler runs it (`run_now("daily_gcode")`: read
people and charts, transits, score, themes, program, local-engine texts, batched writes, run
records, events), and the bare computation of the same people (natal chart, transits, score:
no database, no text). Peak memory is the process's maximum resident set size.
"""

import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATE = dt.date(2026, 11, 24)
ZONES = [
    "UTC", "Europe/London", "Europe/Berlin", "Europe/Moscow", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo",
    "Asia/Shanghai", "Australia/Sydney", "Pacific/Chatham", "Pacific/Auckland", "America/New_York",
    "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "Africa/Lagos", "Africa/Nairobi",
    "Asia/Dubai", "Asia/Tehran", "America/St_Johns", "Australia/Adelaide", "Asia/Singapore",
    "America/Mexico_City", "Europe/Istanbul",
]  # fmt: skip


def births(n: int, seed: int = 5):
    """Varied birth data that exists (local times in a DST gap are drawn again); every tenth without a time."""
    from core.astro.local_time import NonexistentLocalTime, to_universal_time
    from core.astro.places import timezone_at

    rng = random.Random(seed)
    i = 0
    while i < n:
        latitude, longitude = round(rng.uniform(-50, 60), 4), round(rng.uniform(-180, 180), 4)
        birth = {
            "username": f"p{i:05d}", "birth_date": dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(70 * 365)),
            "birth_time": dt.time(rng.randrange(24), rng.randrange(60)) if i % 10 else None, "birth_time_fold": 0,
            "birth_latitude": latitude, "birth_longitude": longitude,
            "birth_timezone": timezone_at(latitude, longitude),
            "schedule_timezone": ZONES[i % len(ZONES)],
        }  # fmt: skip
        try:
            to_universal_time(birth["birth_date"], birth["birth_time"], birth["birth_timezone"], 0)
        except NonexistentLocalTime:
            continue
        i += 1
        yield birth


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcode_site.settings")
    os.environ.setdefault("DEBUG", "True")  # a local benchmark, as `make run` serves a checkout
    os.environ["SCHEDULER_AUTOSTART"] = "false"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def populate(n: int) -> None:
    """People with birth data and their stored charts (not timed)."""
    from django.core.management import call_command

    from core.models import User
    from core.services.charts import recompute_natal_chart

    call_command("migrate", "--noinput", verbosity=0)
    people = [User(**b, birth_place="bench", password="!", daily_gcode_enabled=True) for b in births(n)]
    User.objects.bulk_create(people, batch_size=500)
    for person in User.objects.all():
        recompute_natal_chart(person)


def run_job() -> dict:
    from core.models import DailyGCode
    from core.scheduler import run_now

    started = time.perf_counter()
    runs = run_now("daily_gcode", date=DATE)
    seconds = time.perf_counter() - started
    failed = sum(r.users_failed for r in runs)
    return {"seconds": seconds, "done": DailyGCode.objects.filter(date=DATE).count(), "failed": failed}


def run_bare(n: int) -> dict:
    from core.astro.chart import ChartRequest, compute_natal_chart
    from core.astro.local_time import to_universal_time
    from core.astro.transits import day_report
    from core.gcode.facts import contact_of, transit_points
    from core.gcode.score import gcode_score

    people = list(births(n))
    started = time.perf_counter()
    for b in people:
        resolved = to_universal_time(b["birth_date"], b["birth_time"], b["birth_timezone"], 0)
        chart = compute_natal_chart(ChartRequest(resolved.utc, b["birth_latitude"], b["birth_longitude"],
                                                 resolved.time_known))  # fmt: skip
        points = transit_points(chart.points, resolved.time_known)
        report = day_report(points, DATE, b["schedule_timezone"])
        gcode_score([contact_of(e) for e in report.events], resolved.time_known)
    return {"seconds": time.perf_counter() - started, "done": len(people), "failed": 0}


def child(phase: str, n: int, database: Path) -> None:
    setup_django(database)
    result = run_job() if phase == "job" else run_bare(n)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(phase: str, n: int, database: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", phase, str(n), str(database)], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, SQLite, local engine")
    print("| people | daily G-Code job | people / s | peak memory | bare computation | people / s | job ÷ bare |")
    print("|---|---|---|---|---|---|---|")
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            database = Path(folder) / "bench.sqlite3"
            subprocess.run([sys.executable, __file__, "--populate", str(n), str(database)], check=True, cwd=ROOT)
            job, bare = measure("job", n, database), measure("bare", n, database)
        if job["done"] != n or job["failed"]:
            sys.exit(f"the job did not do everyone: {job}")
        ratio = job["seconds"] / bare["seconds"]
        print(f"| {n:,} | {job['seconds']:.1f} s | {n / job['seconds']:,.0f} | {job['peak_mb']:.0f} MB | "
              f"{bare['seconds']:.1f} s | {n / bare['seconds']:,.0f} | {ratio:.2f}× |")  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1:2] == ["--populate"]:
        setup_django(Path(sys.argv[3]))
        populate(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 10000])
