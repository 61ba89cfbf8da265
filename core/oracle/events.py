"""Words for the day's timed events and for the slow seasons, in the four tones.

Consecutive events are told with different openings ("At", "Then at", "Later, at") and a second
contact of the same body says "it", so a run of Moon contacts does not read as one sentence
repeated.
"""

from typing import Any

from core.gcode.day_events import WEEK
from core.oracle.tables import (
    ECLIPSE_MEANINGS,
    KIND_IMAGES,
    KIND_VERBS,
    NATAL_MEANINGS,
    PLANET_IMAGES,
    PLANET_KEYWORDS,
    POINT_IMAGES,
    POINT_KEYWORDS,
    SIGN_KEYWORDS,
    STATION_MEANINGS,
    TRANSIT_MEANINGS,
)

KIND_ADJECTIVES: dict[str, str] = {
    "conjunction": "conjunct", "opposition": "opposite", "trine": "trine", "square": "square",
    "sextile": "sextile", "quincunx": "quincunx", "semisextile": "semisextile", "semisquare": "semisquare",
    "sesquiquadrate": "sesquiquadrate", "quintile": "quintile", "biquintile": "biquintile",
}  # fmt: skip
OPENERS: tuple[str, ...] = ("At {at}", "Then at {at}", "Later, at {at}", "By {at}")


def the(body: str) -> str:
    return f"the {body}" if body in ("Sun", "Moon") else body


def contact_clause(e: dict[str, Any], tone: str, same_body: bool, index: int) -> str:
    subject = "it" if same_body else the(e["body"])
    if tone == "inspiring":
        return f"{subject} {KIND_VERBS[e['kind']]} your {NATAL_MEANINGS[e['natal']]}"
    if tone == "practical" and index % 2:
        return f"{subject} reaches an exact {e['kind']} with natal {e['natal']}"
    if tone == "practical":
        return f"{subject} is exactly {KIND_ADJECTIVES[e['kind']]} your natal {e['natal']}"
    if tone == "poetic":
        image = "it" if same_body else PLANET_IMAGES[e["body"]]
        return f"{image} {KIND_IMAGES[e['kind']]} {POINT_IMAGES[e['natal']]}"
    keywords = f"{PLANET_KEYWORDS[e['body']]} -> {POINT_KEYWORDS[e['natal']]}"
    return f"{e['body']} {e['kind']} natal {e['natal']} is exact ({keywords})"


INGRESS_CLAUSES: dict[str, str] = {
    "inspiring": "the Moon enters {sign}, turning toward {keyword}",
    "practical": "the Moon moves into {sign}",
    "poetic": "the tide-keeper crosses into {sign}",
    "technical": "Moon ingress {sign} (focus -> {keyword})",
}


def sky_clause(e: dict[str, Any], tone: str) -> str:
    if e["type"] == "ingress":
        return INGRESS_CLAUSES[tone].format(sign=e["sign"], keyword=SIGN_KEYWORDS[e["sign"]])
    if e["type"] == "phase":
        return f"the Moon reaches its {e['phase']}" if tone != "technical" else f"Moon phase {e['phase']} exact"
    if e["type"] == "station":
        return f"{e['body']} stations {e['direction']}: {STATION_MEANINGS[e['direction']][e['body']]}"
    return f"a {e['eclipse']} {e['kind']} eclipse peaks, {ECLIPSE_MEANINGS[e['kind']]}"


def event_sentences(events: list[dict[str, Any]], tone: str) -> list[str]:
    """One sentence per timed event, in time order."""
    sentences, previous = [], None
    for index, e in enumerate(events):
        opener = OPENERS[min(index, len(OPENERS) - 1)].format(at=e["at"])
        if e["type"] == "contact":
            same = previous is not None and previous.get("body") == e["body"] and previous["type"] == "contact"
            clause = contact_clause(e, tone, same, index)
        else:
            clause = sky_clause(e, tone)
        sentences.append(f"{opener} {clause}.")
        previous = e
    return sentences


def season_state(s: dict[str, Any], date: str) -> str:
    exact_today = next((p for p in s["passes"] if p["date"] == date), None)
    if exact_today:
        motion = " (retrograde)" if exact_today["retrograde"] else ""
        return f"is exact today at {exact_today['at']}{motion}"
    if s["day"] == 1:
        return f"enters orb today and stays until {s['leaves']}"
    if s["days_left"] == 0:
        return "leaves orb today"
    return f"is in its week {s['day'] // WEEK}, with {s['days_left']} days to go until {s['leaves']}"


def season_sentence(s: dict[str, Any], tone: str, date: str = "") -> str:
    """A slow transit's season at one of its turns, told in a tone."""
    state = season_state(s, date)
    if tone == "technical":
        return f"[season {s['transit']} {s['kind']} natal {s['natal']}] {state}."
    meaning = TRANSIT_MEANINGS[s["transit"]]
    if tone == "poetic":
        return f"{PLANET_IMAGES[s['transit']].capitalize()}'s long season with {POINT_IMAGES[s['natal']]} {state}."
    if tone == "practical":
        return f"Season: {s['transit']} {s['kind']} natal {s['natal']} {state}."
    return f"{s['transit']} {KIND_ADJECTIVES[s['kind']]} your natal {s['natal']}, a season of {meaning}, {state}."
