"""The local engine: the day's words written from its facts alone, offline, in four tones.

A reading is led by what happens on the day (timed events), then the fast transits, the slow
transits only on the days their season turns, and the Moon. Rotating pools are walked by the
day's number, so the words change from day to day and stay the same for a (person, date).
"""

import datetime as dt
import re
from typing import Any

from core.gcode.day_events import season_turns
from core.gcode.facts import DayFacts, TransitFact
from core.gcode.patch_notes import NoteItem
from core.oracle.day_tables import AFFIRMATIONS, GENERAL_GUIDANCE, PHASE_GUIDANCE
from core.oracle.events import KIND_ADJECTIVES, event_sentences, season_sentence
from core.oracle.tables import (
    ECLIPSE_MEANINGS,
    KIND_IMAGES,
    KIND_VERBS,
    NATAL_MEANINGS,
    NATURE_ACTIONS,
    NATURE_ADVICE,
    NATURE_IMAGES,
    PHASE_MEANINGS,
    PLANET_GUIDANCE,
    PLANET_IMAGES,
    PLANET_KEYWORDS,
    POINT_IMAGES,
    POINT_KEYWORDS,
    SIGN_KEYWORDS,
    SIGN_MOODS,
    STATION_MEANINGS,
    TRANSIT_MEANINGS,
)
from core.oracle.texts import DailyTexts, Engine, Tone

TONES: tuple[str, ...] = tuple(Tone)
ENGINE = Engine.LOCAL
MAX_GUIDANCE = 5
MAX_EVENT_GUIDANCE = 2
SLOW = frozenset({"Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"})


def day_number(facts: DayFacts) -> int:
    return dt.date.fromisoformat(facts.date).toordinal()


def timing(t: TransitFact) -> str:
    if t.exact_at:
        return f"exact at {t.exact_clock}"
    if t.orb < 0.05:
        return f"{'applying' if t.applying else 'separating'}, within a tenth of a degree"
    return f"{'applying' if t.applying else 'separating'}, {t.orb:.1f}° from exact"


def transit_sentence(t: TransitFact, tone: str, variant: int = 0) -> str:
    """One transit told in a tone; every planet × aspect × natal point has words."""
    verb, meaning, natal = KIND_VERBS[t.kind], TRANSIT_MEANINGS[t.transit], NATAL_MEANINGS[t.natal]
    advices = NATURE_ADVICE[t.nature]
    advice = advices[variant % len(advices)]
    if tone == "inspiring":
        return f"{t.transit} {verb} your {natal}, stirring {meaning}, so {advice}."
    if tone == "practical":
        return f"{t.transit} {t.kind} natal {t.natal} ({timing(t)}): expect {meaning} to touch your {natal}."
    if tone == "poetic":
        image, point = PLANET_IMAGES[t.transit], POINT_IMAGES[t.natal]
        images = NATURE_IMAGES[t.nature]
        return f"{image.capitalize()} {KIND_IMAGES[t.kind]} {point}; {images[variant % len(images)]}."
    return (
        f"[{t.transit} {t.kind} natal {t.natal}] {timing(t)}, strength={t.strength:.2f}, "
        f"signal={PLANET_KEYWORDS[t.transit]} -> {POINT_KEYWORDS[t.natal]}, action={NATURE_ACTIONS[t.nature]}."
    )


def moon_sentence(phase: str, sign: str, tone: str, lit: float | None = None) -> str:
    """The Moon's phase and sign told in a tone; every sign × phase has words."""
    mood, meaning = SIGN_MOODS[sign], PHASE_MEANINGS[phase]
    shown = f", {lit:.0f}% lit," if lit is not None else ""
    if tone == "inspiring":
        return f"The {phase}{shown} in {sign} sets a {mood} mood, a time of {meaning}."
    if tone == "practical":
        return f"Moon: {phase}{shown} in {sign}. The mood is {mood}; this phase is for {meaning}."
    if tone == "poetic":
        return f"A {phase}{shown} hangs in {sign}, {mood}; it whispers of {meaning}."
    return f"[Moon] phase={phase}, sign={sign}{f', lit={lit:.0f}%' if lit is not None else ''}. Mood: {mood}."


def station_sentence(body: str, direction: str, tone: str) -> str:
    """A planet turning retrograde or direct, told in a tone."""
    meaning = STATION_MEANINGS[direction][body]
    if tone == "inspiring":
        return f"{body} turns {direction} today: {meaning}. Trust the turn."
    if tone == "practical":
        return f"{body} stations {direction}: {meaning}. Plan around it."
    if tone == "poetic":
        return f"{body} stands still and turns {direction}; {meaning}."
    return f"[{body} station: {direction}] {meaning}."


OPENINGS: dict[str, str] = {
    "inspiring": "Today's G-Code is {score}, a {level} day.",
    "practical": "G-Code {score} ({level}).",
    "poetic": "The sky writes {score} across your day, a {level} tide.",
    "technical": "G-Code {score}/100, level={level}, {count} leading transits.",
}


def fast_transits(facts: DayFacts) -> list[TransitFact]:
    """Leading transits of the fast bodies not told as today's events (nor touching a point an event touches)."""
    touched = {e.get("natal") for e in facts.events}
    chosen: list[TransitFact] = []
    for t in facts.transits:
        if t.transit not in SLOW and not t.exact_at and t.natal not in touched:
            chosen.append(t)
            touched.add(t.natal)
    return chosen


def alternating(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contacts to tell in a row, leaving out one that shares its aspect or natal point with the
    contact told just before, or two transits of one body (the dashboard lists them all): such
    sentences read as one said twice. A second timed contact of a body is told as "it"."""
    told: list[dict[str, Any]] = []
    for e in events:
        previous = next((p for p in reversed(told) if "natal" in p), None)
        shared = (
            ("kind", "natal", "body") if e["type"] == "transit" == (previous or {}).get("type") else ("kind", "natal")
        )
        if "natal" in e and previous and any(previous[k] == e[k] for k in shared):
            continue
        told.append(e)
    return told


ECHO_WORDS = 5


def phrases_of(sentence: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w°%'-]+", sentence.lower())
    return {tuple(words[i : i + ECHO_WORDS]) for i in range(len(words) - ECHO_WORDS + 1)}


def without_echoes(paragraphs: list[list[str]]) -> list[list[str]]:
    """The paragraphs without a sentence that repeats five words of the sentence before it: a reader
    hears such a pair as one sentence said twice."""
    kept: list[list[str]] = []
    previous: set[tuple[str, ...]] = set()
    for paragraph in paragraphs:
        kept.append([])
        for sentence in paragraph:
            own = phrases_of(sentence)
            if own & previous:
                continue
            kept[-1].append(sentence)
            previous = own
    return kept


def interpretation(facts: DayFacts, tone: str) -> str:
    """The day's events first, then its score and fast transits, the slow seasons that turn today, the Moon."""
    opening = OPENINGS[tone].format(score=facts.score, level=facts.level, count=len(facts.transits))
    fast = [{"type": "transit", "body": t.transit, "kind": t.kind, "natal": t.natal, "fact": t}
            for t in fast_transits(facts)]  # fmt: skip
    turning = season_turns(facts.seasons, facts.date)[:1]
    # the season's paragraph names its natal point: the lines just before it leave that point out
    candidates = [e for e in facts.events[:6] + fast if all(e.get("natal") != s["natal"] for s in turning)]
    told = alternating(candidates)
    events = event_sentences([e for e in told if e["type"] != "transit"], tone)
    moon = moon_sentence(facts.moon["phase"], facts.moon["sign"], tone, facts.moon.get("illumination"))
    lead = [*events[:1], opening] if events else [moon, opening]
    transits = [e["fact"] for e in told if e["type"] == "transit"][:2]
    body = events[1:4] + [transit_sentence(t, tone, i) for i, t in enumerate(transits)]
    if not facts.transits:
        body.append("No transit is within orb of your chart today: a quiet day to integrate.")
    seasons = [season_sentence(s, tone, facts.date) for s in turning]
    sky = [moon] if events else []
    sky += [f"A {e['type']} {e['kind']} eclipse: {ECLIPSE_MEANINGS[e['kind']]}." for e in facts.eclipses]
    paragraphs = without_echoes([lead + body, seasons, sky])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def affirmation(facts: DayFacts, tone: str) -> str:
    pool = AFFIRMATIONS[tone]
    return pool[day_number(facts) % len(pool)]


def event_guidance(facts: DayFacts) -> list[str]:
    """Advice tied to the day's exact contacts, with their times (the planet touched says what for)."""
    items = []
    for e in facts.events:
        if e["type"] != "contact":
            continue
        advice = PLANET_GUIDANCE[e["nature"]].get(e["natal"]) or PLANET_GUIDANCE[e["nature"]][e["body"]]
        items.append(f"Around {e['at']} ({e['body']} {KIND_ADJECTIVES[e['kind']]} your {e['natal']}): {advice}")
        if len(items) == MAX_EVENT_GUIDANCE:
            break
    return items


def guidance(facts: DayFacts) -> list[str]:
    """3–5 distinct items: the day's exact contacts, the slow seasons that turn today, the Moon's phase, then care."""
    day = day_number(facts)
    items = event_guidance(facts)
    for s in season_turns(facts.seasons, facts.date)[:1]:
        where = f"day {s['day']}, {s['days_left']} to go"
        season = f"{s['transit']} {KIND_ADJECTIVES[s['kind']]} your {s['natal']}, {where}"
        items.append(f"{season}: {PLANET_GUIDANCE[s['nature']][s['transit']]}")
    phase = PHASE_GUIDANCE[facts.moon["phase"]]
    items.append(phase[day % len(phase)])
    wanted = max(0, 3 - len(items))
    # Two steps a day through the pool: an item comes back every sixth day at most.
    general = [GENERAL_GUIDANCE[(day * 2 + i) % len(GENERAL_GUIDANCE)] for i in range(2)]
    items += [g for g in general if g not in items][:wanted]
    return list(dict.fromkeys(items))[:MAX_GUIDANCE]


def daily_texts(facts: DayFacts, tone: str) -> DailyTexts:
    """Interpretation, affirmation and guidance for a day, offline."""
    return DailyTexts(interpretation(facts, tone), affirmation(facts, tone), guidance(facts), ENGINE)


def note_parts(item: NoteItem) -> tuple[str, str, str]:
    """Subject, meaning and time of a patch-note item."""
    f = item.fields
    if item.kind == "transit":
        meaning = f"brings {TRANSIT_MEANINGS[f['transit']]} to your {NATAL_MEANINGS[f['natal']]}"
        when = f" (exact {f['exact_at']})" if f["exact_at"] else ""
        return f"{f['transit']} {f['kind']} natal {f['natal']}", meaning, when
    if item.kind == "retrograde":
        return f"{f['body']} retrograde", STATION_MEANINGS["retrograde"][f["body"]], ""
    when = f" (at {f['at']})"
    if item.kind == "station":
        return f"{f['body']} stations {f['direction']}", STATION_MEANINGS[f["direction"]][f["body"]], when
    if item.kind == "ingress":
        return f"{f['body']} enters {f['sign']}", f"a shift toward {SIGN_KEYWORDS[f['sign']]}", when
    return f"{f['type'].capitalize()} {f['kind']} eclipse", ECLIPSE_MEANINGS[f["kind"]], when


def note_line(item: NoteItem, tone: str) -> str:
    """One patch-note item in a tone: every transit, retrograde, station, ingress and eclipse has words."""
    subject, body, when = note_parts(item)
    return {
        "inspiring": f"{subject}{when}: {body}.",
        "practical": f"{subject}{when}. {body.capitalize()}.",
        "poetic": f"{subject}{when}, and {body}.",
        "technical": f"{subject}{when} :: {body}",
    }[tone]
