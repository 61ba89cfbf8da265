"""Day pages and the dashboard's reading: the day's events with local times, slow seasons with their
windows (checked against an independent search of the ephemeris), and a GET that writes nothing."""

import datetime as dt
import re

import pytest
import swisseph as swe
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import runs
from core.astro import ephemeris
from core.models import DailyGCode, DayNote, JobRun, NatalChart, PatchNote
from core.services.gcode import compute_daily_gcode, local_today
from core.services.reading import readable_span
from core.services.recalculate import start_recalculation
from tests.support.pages import wait_until_no_run_is_running
from tests.support.people import londoner

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 26)
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)
ASPECTS = {"conjunction": 0, "sextile": 60, "square": 90, "trine": 120, "opposition": 180}


def day_url(date: dt.date) -> str:
    return reverse("day", args=[date.isoformat()])


def longitude(jd: float, body: int) -> float:
    return swe.calc_ut(jd, body, ephemeris.ephemeris_flag())[0][0]


def gap(jd: float, body: int, target: float) -> float:
    return (longitude(jd, body) - target + 180) % 360 - 180


def minute_of_exact(start_jd: float, body: int, target: float) -> float | None:
    """The first minute of a day at which the body passes the target: a plain minute-by-minute scan."""
    previous = gap(start_jd, body, target)
    for minute in range(1, 25 * 60):
        jd = start_jd + minute / 1440
        current = gap(jd, body, target)
        if (previous <= 0) != (current <= 0) and abs(previous - current) < 90:
            return jd
        previous = current
    return None


def test_the_day_lists_the_moons_exact_contacts_with_local_times_found_by_a_plain_scan(owner_client, owner):
    compute_daily_gcode(owner, DAY)
    html = owner_client.get(day_url(DAY)).content.decode()
    chart = NatalChart.objects.get(user=owner).data
    natal = {p["name"]: p["longitude"] for p in chart["points"]}
    start = ephemeris.julian_day(dt.datetime(2026, 11, 26, tzinfo=dt.UTC))  # London is on UT in November
    found = []
    for name, lon in natal.items():
        for kind, angle in ASPECTS.items():
            for target in {(lon + angle) % 360, (lon - angle) % 360}:
                jd = minute_of_exact(start, swe.MOON, target)
                if jd is not None:
                    found.append((ephemeris.instant_from_julian_day(jd), name, kind))
    assert len(found) >= 2
    for instant, name, kind in found:
        # the scan's minute is the minute after the crossing; the page shows the minute it falls in
        shown = {(instant - dt.timedelta(minutes=m)).strftime("%H:%M") for m in (0, 1)}
        rows = re.findall(rf"<time>(\d\d:\d\d)</time>\s*<span class=\"\w+\">Moon {kind} natal {name}</span>", html)
        assert rows, (name, kind)
        assert rows[0] in shown, (name, kind, shown, rows)


def test_a_slow_transit_shows_its_window_as_an_independent_daily_scan_finds_it(owner_client, owner):
    record = compute_daily_gcode(owner, DAY)
    season = record.facts["seasons"][0]
    html = owner_client.get(day_url(DAY)).content.decode()
    assert f"{season['transit']} {season['kind']} natal {season['natal']}" in html
    assert season["entered"] in html
    assert season["leaves"] in html

    body = getattr(swe, season["transit"].upper())
    natal = {p["name"]: p["longitude"] for p in NatalChart.objects.get(user=owner).data["points"]}[season["natal"]]
    angle, limit = ASPECTS[season["kind"]], {"conjunction": 3.0, "opposition": 3.0}.get(season["kind"], 2.5)
    targets = {(natal + angle) % 360, (natal - angle) % 360}
    start = ephemeris.julian_day(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    days_in, passes = [], []
    for n in range(6 * 365):
        jd = start + n
        orb = min(abs(gap(jd, body, t)) for t in targets)
        if orb <= limit:
            days_in.append(ephemeris.instant_from_julian_day(jd).date())
        for t in targets:
            if (gap(jd, body, t) <= 0) != (gap(jd + 1, body, t) <= 0):
                passes.append(ephemeris.instant_from_julian_day(jd).date())
    around = [d for d in days_in if abs((d - DAY).days) < 800]
    run = [d for d in around if dt.date.fromisoformat(season["entered"]) - dt.timedelta(days=2) <= d]
    run = [d for d in run if d <= dt.date.fromisoformat(season["leaves"]) + dt.timedelta(days=2)]
    assert abs((run[0] - dt.date.fromisoformat(season["entered"])).days) <= 1
    assert abs((run[-1] - dt.date.fromisoformat(season["leaves"])).days) <= 1
    window = [p for p in passes if run[0] <= p <= run[-1]]
    shown = [dt.date.fromisoformat(p["date"]) for p in season["passes"]]
    assert len(shown) == len(window)
    assert all(abs((a - b).days) <= 1 for a, b in zip(shown, window, strict=True))
    assert season["days_left"] == (dt.date.fromisoformat(season["leaves"]) - DAY).days


def rows_now() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (DailyGCode, PatchNote, JobRun, NatalChart, DayNote))


def test_a_past_todays_and_a_future_day_render_and_the_get_writes_nothing(owner_client, owner):
    today = local_today(owner)
    compute_daily_gcode(owner, today)  # today is stored; the others are computed on demand
    before = rows_now()
    for date in (today - dt.timedelta(days=40), today, today + dt.timedelta(days=30)):
        with CaptureQueriesContext(connection) as queries:
            response = owner_client.get(day_url(date))
        html = response.content.decode()
        assert response.status_code == 200
        assert date.strftime("%Y-%m-%d") in html
        assert "Why this score" in html
        assert "The day's events" in html
        assert not [q["sql"] for q in queries if WRITES.match(q["sql"])]
    assert rows_now() == before


def test_a_day_outside_the_readable_span_is_not_found(owner_client, owner):
    first, last = readable_span(owner)
    assert owner_client.get(day_url(first - dt.timedelta(days=1))).status_code == 404
    assert owner_client.get(day_url(last + dt.timedelta(days=1))).status_code == 404
    assert owner_client.get("/day/2026-02-30/").status_code == 404


def test_a_day_page_is_the_owners_alone(client, owner):
    yesterday = local_today(owner) - dt.timedelta(days=1)  # not today: that page waits for today's run
    compute_daily_gcode(owner, yesterday)
    DailyGCode.objects.filter(user=owner).update(affirmation="Words for ada alone.")
    DayNote.objects.create(user=owner, date=yesterday, text="ada's private note")
    assert client.get(day_url(yesterday)).status_code == 302  # anonymous: to the login page
    other = londoner("bea")
    client.force_login(other)
    html = client.get(day_url(yesterday)).content.decode()
    assert "ada&#x27;s private note" not in html
    assert "ada's private note" not in html
    assert "not stored" in html  # bea's own day, computed for her; ada's stored record is not shown
    assert "Words for ada alone." not in html


def test_an_htmx_request_gets_the_reading_alone(owner_client, owner):
    compute_daily_gcode(owner, DAY)
    html = owner_client.get(day_url(DAY), headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<div class="reading"')
    assert "<html" not in html


def test_the_formula_is_a_page_a_person_can_open(owner_client):
    html = owner_client.get(reverse("gcode-doc")).content.decode()
    assert "G-Code" in html
    assert "tightness" in html


@pytest.mark.django_db(transaction=True)
def test_new_birth_data_fills_in_the_past_ninety_days_in_a_run_with_progress(owner, monkeypatch):
    reported = []
    monkeypatch.setattr(runs, "announce", lambda run: reported.append(dict(run.progress)))
    start_recalculation(owner, past_days=90)  # as the birth-data form does; the run starts at once here
    wait_until_no_run_is_running(seconds=60)

    today = local_today(owner)
    stored = set(DailyGCode.objects.filter(user=owner).values_list("date", flat=True))
    assert stored == {today - dt.timedelta(days=n) for n in range(91)}
    messages = [p["message"] for p in reported]
    assert "Filled in 10 of 90 past days" in messages
    assert "Filled in 90 of 90 past days" in messages
    percents = [p["percent"] for p in reported]
    assert percents == sorted(percents)
    assert reported[-1]["state"] == "done"


def test_todays_page_before_its_run_sends_the_person_to_the_dashboard_where_the_run_starts(owner_client, owner):
    today = local_today(owner)
    before = rows_now()

    response = owner_client.get(day_url(today))
    fragment = owner_client.get(day_url(today), headers={"HX-Request": "true"})

    assert (response.status_code, response["Location"]) == (302, reverse("home"))
    assert "data-start-run" in owner_client.get(reverse("home")).content.decode()
    assert fragment.status_code == 200  # a live update's fragment is answered in place, computed and not saved
    assert rows_now() == before
    compute_daily_gcode(owner, today)
    assert owner_client.get(day_url(today)).status_code == 200
