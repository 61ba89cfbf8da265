"""The natal reading of a stored chart in the person's tone: Gemini's when a run wrote one, else the local one."""

from dataclasses import asdict

from core.models import NatalChart as NatalChartRecord
from core.models import User
from core.oracle.gemini import GeminiSettings
from core.oracle.natal import NatalAspect, NatalReading, Placement, natal_reading
from core.oracle.writer import write_natal_reading


def reading_facts(data: dict) -> tuple[list[Placement], list[NatalAspect]]:
    """Placements and aspects of a stored chart, as the text engines take them."""
    placements = [Placement(p["name"], p["sign"], p["house"], p["retrograde"]) for p in data["points"]]
    aspects = [NatalAspect(a["first"], a["kind"], a["second"]) for a in data["aspects"]]
    return placements, aspects


def stored_reading_fits(record: NatalChartRecord, tone: str) -> bool:
    """A stored reading is for this very chart (birth data, settings, ephemeris) and this tone."""
    return bool(record.reading) and (record.reading["fingerprint"], record.reading["tone"]) == (
        record.fingerprint,
        tone,
    )


def natal_reading_for(user: User, record: NatalChartRecord) -> NatalReading:
    """What the chart page shows; reads the database only, so a GET never waits on Gemini."""
    if stored_reading_fits(record, user.tone):
        stored = record.reading
        return NatalReading(
            stored["summary"], [tuple(p) for p in stored["placements"]], [tuple(a) for a in stored["aspects"]],
            stored["engine"], stored["model"], stored["fallback_reason"],
        )  # fmt: skip
    return natal_reading(*reading_facts(record.data), user.tone)


def write_stored_reading(user: User, record: NatalChartRecord, gemini: GeminiSettings | None) -> NatalReading | None:
    """In a run: ask Gemini for the reading when it is configured and the stored one does not fit; store it.

    A local fallback is stored too, with its reason, so the run does not ask again for the same chart.
    Returns the new reading, or None when nothing had to be written.
    """
    if gemini is None or not gemini.api_key or stored_reading_fits(record, user.tone):
        return None
    reading = write_natal_reading(*reading_facts(record.data), user.tone, gemini)  # may call Gemini: no transaction
    record.reading = {"fingerprint": record.fingerprint, "tone": user.tone, **asdict(reading)}
    record.save(update_fields=["reading"])
    return reading
