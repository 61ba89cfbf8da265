"""The natal reading on the chart page: written by Gemini in a run when configured, read from the database after."""

import pytest
from django.urls import reverse

from core.services.charts import current_natal_chart
from core.services.gcode import gemini_settings
from core.services.natal_reading import natal_reading_for, write_stored_reading
from tests.support.natal_answers import good_natal_answer

pytestmark = pytest.mark.django_db


def test_a_run_stores_gemini_reading_and_the_page_shows_it_without_asking_again(owner, owner_client, gemini):
    record = current_natal_chart(owner)
    placements = len(record.data["points"])
    majors = sum(
        1 for a in record.data["aspects"] if a["kind"] in ("conjunction", "opposition", "trine", "square", "sextile")
    )
    gemini.behaviour = good_natal_answer(placements=["Yours."] * placements, aspects=["Linked."] * majors)

    assert write_stored_reading(owner, record, gemini_settings()).engine == "gemini"
    assert write_stored_reading(owner, record, gemini_settings()) is None  # it fits: not asked twice
    html = owner_client.get(reverse("chart")).content.decode()

    assert "You are a quick mind with a deep, dreamy heart" in html
    assert "<dt>Sun in Gemini, 9th house</dt><dd>Yours.</dd>" in html
    assert "Written by the Gemini model gemini-2.5-flash-fake" in html
    assert len(gemini.requests) == 1  # the page read the database


def test_a_reading_for_another_tone_or_chart_is_not_shown(owner, gemini):
    record = current_natal_chart(owner)
    gemini.behaviour = good_natal_answer(placements=["Only one."])
    reading = write_stored_reading(owner, record, gemini_settings())
    assert reading.engine == "local"  # the wrong count fell back, and the fallback is stored with its reason
    assert "placements must have exactly" in record.reading["fallback_reason"]

    owner.tone = "poetic"
    assert natal_reading_for(owner, record).summary.startswith("Sun in Gemini, Moon in Pisces, Libra rising.")
    assert natal_reading_for(owner, record).fallback_reason == ""  # the local engine, in the new tone
