"""The services behind the jobs, commands and pages: stored daily G-Codes and patch notes."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from core.models import DailyGCode, PatchNote
from core.services.days import forecast
from core.services.gcode import compute_daily_gcode, generate_patch_notes
from tests.support.fake_gemini import BEHAVIOURS, FakeGemini

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def gemini_server():
    server = FakeGemini().start()
    yield server
    server.shutdown()


def test_the_daily_gcode_is_stored_with_its_facts_texts_and_author(owner):
    record = compute_daily_gcode(owner, DAY)

    assert (record.score, record.level) == (18, "low")
    assert record.themes == ["#Discipline", "#Learning", "#Friction", "#Connection", "#Horizons"]
    assert record.program.splitlines()[0].startswith("G01 X8.176 Y278.163 Z0.000 F714 M04 ; Saturn retrograde square")
    assert record.facts["transits"][0]["transit"] == "Saturn"
    assert (
        "Today's G-Code is 18" in record.interpretation.split(". ")[1]
    )  # the owner's tone: inspiring, after the day's first event
    assert 3 <= len(record.guidance) <= 5
    assert (record.engine, record.model, record.fallback_reason) == ("local", "", "")


def test_recomputing_a_date_replaces_its_record_and_keeps_the_pin(owner):
    first = compute_daily_gcode(owner, DAY)
    DailyGCode.objects.filter(pk=first.pk).update(pinned=True)
    owner.tone = "technical"
    owner.save()

    second = compute_daily_gcode(owner, DAY)

    assert DailyGCode.objects.filter(user=owner, date=DAY).count() == 1
    assert second.pk == first.pk
    assert second.pinned
    assert second.interpretation.startswith("At 01:34 Moon trine natal Saturn is exact")  # technical now
    assert "G-Code 18/100" in second.interpretation


def test_the_database_refuses_a_second_record_for_the_same_date(owner):
    compute_daily_gcode(owner, DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        DailyGCode.objects.create(user=owner, date=DAY, score=50, level="high", facts={}, program="")


def test_patch_notes_are_written_for_every_platform_once_per_date(owner):
    generate_patch_notes(owner, DAY)
    notes = generate_patch_notes(owner, DAY)

    assert sorted(n.platform for n in notes) == ["blog", "instagram", "linkedin", "x"]
    assert PatchNote.objects.filter(user=owner, date=DAY).count() == 4
    assert all(n.version == "v2026.11.24" and n.engine == "local" for n in notes)
    assert DailyGCode.objects.filter(user=owner, date=DAY).exists()  # computed on the way


def test_with_gemini_configured_its_words_model_and_tokens_are_stored(owner, settings, gemini_server):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_BASE_URL = gemini_server.base_url

    record = compute_daily_gcode(owner, DAY)
    notes = generate_patch_notes(owner, DAY)

    assert (record.engine, record.model, record.prompt_tokens, record.output_tokens) == (
        "gemini", "gemini-2.5-flash-fake", 812, 143,
    )  # fmt: skip
    assert record.summary == "Stability patch: structural refactor under way."
    blog = next(n for n in notes if n.platform == "blog")
    assert record.summary in blog.body
    assert (blog.engine, blog.model) == ("gemini", "gemini-2.5-flash-fake")


def test_when_gemini_fails_the_local_words_are_stored_with_the_reason(owner, settings, gemini_server):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_BASE_URL = gemini_server.base_url
    gemini_server.behaviour = BEHAVIOURS["quota"]

    record = compute_daily_gcode(owner, DAY)

    assert record.engine == "local"
    assert record.model == "gemini-2.5-flash"
    assert record.fallback_reason.startswith("quota exceeded (HTTP 429")
    assert "Today's G-Code is 18" in record.interpretation


def test_the_gcode_command_prints_the_dashboard_data(owner):
    out = StringIO()
    call_command("gcode", "ada", "--date", "2026-11-24", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "ada · 2026-11-24 (Europe/London)"
    assert lines[1] == "G-Code: 18 (low)"
    assert lines[2] == "Themes: #Discipline #Learning #Friction #Connection #Horizons"
    assert lines[3] == "Program:"
    assert lines[4].startswith(
        "  G01 X8.176 Y278.163 Z0.000 F714 M04 ; Saturn retrograde square natal Uranus, exact 22:50"
    )
    assert lines[-1] == "Written by: Local engine"


def test_the_gcode_command_refuses_unknown_people_and_missing_birth_data(stranger):
    with pytest.raises(CommandError, match="No user named “nobody”"):
        call_command("gcode", "nobody")
    with pytest.raises(CommandError, match="Enter your birth date and place first"):
        call_command("gcode", stranger.username, "--date", "2026-11-24")


def test_a_date_that_did_not_happen_in_the_persons_zone_has_no_gcode(owner):
    # Samoa skipped 30 December 2011 when it moved across the date line.
    owner.schedule_timezone = "Pacific/Apia"
    owner.save()

    with pytest.raises(CommandError, match="2011-12-30 did not happen in Pacific/Apia"):
        call_command("gcode", "ada", "--date", "2011-12-30", stdout=StringIO())
    assert not DailyGCode.objects.filter(user=owner).exists()
    days = forecast(owner, dt.date(2011, 12, 29), 3)
    assert [d.date for d in days] == [dt.date(2011, 12, 29), dt.date(2011, 12, 31)]
