"""The private calendar and the patch-notes feed: parsed by independent readers, stable, cheap to poll, private."""

import datetime as dt

import feedparser
import icalendar
import pytest
import vobject
from django.test import Client

from core.services.gcode import compute_daily_gcode, generate_patch_notes, local_today
from core.services.tokens import regenerate_url_token


@pytest.fixture
def calendar_url(owner) -> str:
    compute_daily_gcode(owner, local_today(owner))  # today's reading is stored; the days ahead are computed
    return f"/connect/calendar/{regenerate_url_token(owner, 'calendar')}.ics"


@pytest.fixture
def feed_url(owner) -> str:
    generate_patch_notes(owner, local_today(owner))
    generate_patch_notes(owner, local_today(owner) - dt.timedelta(days=1))
    return f"/connect/feed/{regenerate_url_token(owner, 'feed')}.atom"


def events_of(body: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def test_the_calendar_has_a_day_event_for_every_day_from_30_back_to_60_ahead(client, owner, calendar_url):
    response = client.get(calendar_url)  # no session: the token is the key
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    days = [e for e in events_of(response.content) if not isinstance(e.decoded("dtstart"), dt.datetime)]
    today = local_today(owner)
    assert [e.decoded("dtstart") for e in days] == [today + dt.timedelta(days=n) for n in range(-30, 61)]
    stored = owner.daily_gcodes.get(date=today)
    [todays] = [e for e in days if e.decoded("dtstart") == today]
    assert str(todays["summary"]).startswith(f"G-Code {stored.score} · {stored.level} · {stored.themes[0]}")
    assert stored.interpretation in str(todays["description"])


def test_the_calendar_has_timed_events_in_utc_for_the_exact_moments(client, calendar_url):
    events = events_of(client.get(calendar_url).content)
    timed = [e for e in events if isinstance(e.decoded("dtstart"), dt.datetime)]
    summaries = [str(e["summary"]) for e in timed]
    assert any(s.startswith("Moon enters ") for s in summaries)
    assert any(s == "Moon void of course" for s in summaries)
    assert any(s in ("New Moon", "Full Moon", "First Quarter", "Last Quarter") for s in summaries)
    assert any("(exact)" in s for s in summaries)
    assert all(e.decoded("dtstart").utcoffset() == dt.timedelta(0) for e in timed)
    for void in (e for e in timed if str(e["summary"]) == "Moon void of course"):
        assert void.decoded("dtstart") < void.decoded("dtend")


def test_a_second_parser_reads_the_same_events(client, calendar_url):
    body = client.get(calendar_url).content
    parsed = vobject.readOne(body.decode())
    uids = sorted(event.uid.value for event in parsed.vevent_list)
    assert uids == sorted(str(e["uid"]) for e in events_of(body))
    assert all(event.dtstamp.value for event in parsed.vevent_list)


def test_uids_are_unique_and_stable_across_fetches(client, calendar_url):
    first = [str(e["uid"]) for e in events_of(client.get(calendar_url).content)]
    second = [str(e["uid"]) for e in events_of(Client().get(calendar_url).content)]
    assert [uid for uid in first if first.count(uid) > 1] == []
    assert first == second


def test_an_unchanged_calendar_answers_304_to_a_conditional_request(client, owner, calendar_url):
    first = client.get(calendar_url)
    again = client.get(calendar_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.content) == (304, b"")
    by_date = client.get(calendar_url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304

    compute_daily_gcode(owner, local_today(owner) + dt.timedelta(days=1))  # a new stored day changes it
    assert client.get(calendar_url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_regenerated_token_makes_the_old_calendar_url_404_at_once(client, owner, calendar_url):
    assert client.get(calendar_url).status_code == 200
    new_token = regenerate_url_token(owner, "calendar")
    assert client.get(calendar_url).status_code == 404
    assert client.get(f"/connect/calendar/{new_token}.ics").status_code == 200


def test_someone_elses_token_never_reaches_my_data(client, owner, stranger, calendar_url):
    theirs = regenerate_url_token(stranger, "calendar")
    body = client.get(f"/connect/calendar/{theirs}.ics").content
    assert events_of(body) == []  # no birth data of their own, and never mine
    assert b"ada" not in body
    assert client.get("/connect/calendar/guess.ics").status_code == 404


def test_the_feed_parses_as_atom_with_the_blog_notes(client, owner, feed_url):
    response = client.get(feed_url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.version == "atom10"
    today = local_today(owner)
    assert [e.title for e in feed.entries] == [
        f"Spiritual Patch Notes v{d:%Y.%m.%d}" for d in (today, today - dt.timedelta(days=1))
    ]
    assert "<h2>" in feed.entries[0].summary  # Markdown rendered as HTML
    assert [e.id for e in feed.entries] == [e.id for e in feedparser.parse(client.get(feed_url).content).entries]


def test_the_feed_answers_304_and_its_old_url_404s_once_regenerated(client, owner, feed_url):
    first = client.get(feed_url)
    assert client.get(feed_url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    regenerate_url_token(owner, "feed")
    assert client.get(feed_url).status_code == 404


def test_connections_show_the_urls_and_regenerating_needs_a_post(owner_client, owner, calendar_url):
    page = owner_client.get("/settings/").content.decode()
    assert f"http://testserver{calendar_url}" in page
    assert owner_client.get("/settings/connections/calendar/new-url").status_code == 405
    owner_client.post("/settings/connections/calendar/new-url")
    assert owner_client.get(calendar_url).status_code == 404
