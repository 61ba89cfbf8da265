"""The local engine: the day's words written from its facts alone, offline, in four tones."""

from core.gcode.facts import DayFacts, TransitFact
from core.gcode.patch_notes import NoteItem
from core.oracle.tables import (
    AFFIRMATIONS,
    ECLIPSE_MEANINGS,
    GENERAL_GUIDANCE,
    KIND_IMAGES,
    KIND_VERBS,
    NATAL_MEANINGS,
    NATURE_ACTIONS,
    NATURE_ADVICE,
    NATURE_IMAGES,
    PHASE_GUIDANCE,
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
from core.oracle.texts import DailyTexts

TONES: tuple[str, ...] = ("inspiring", "practical", "poetic", "technical")
ENGINE = "local"
MAX_GUIDANCE = 5


def timing(t: TransitFact) -> str:
    if t.exact_at:
        return f"exact at {t.exact_clock}"
    return f"{'applying' if t.applying else 'separating'}, {t.orb:.1f}° from exact"


def transit_sentence(t: TransitFact, tone: str) -> str:
    """One transit told in a tone; every planet × aspect × natal point has words."""
    verb, meaning, natal = KIND_VERBS[t.kind], TRANSIT_MEANINGS[t.transit], NATAL_MEANINGS[t.natal]
    advice = NATURE_ADVICE[t.nature]
    if tone == "inspiring":
        return f"{t.transit} {verb} your {natal}, bringing {meaning} into your day, so {advice}."
    if tone == "practical":
        return f"{t.transit} {t.kind} natal {t.natal} ({timing(t)}): expect {meaning} to touch your {natal}; {advice}."
    if tone == "poetic":
        image, point = PLANET_IMAGES[t.transit], POINT_IMAGES[t.natal]
        return f"{image.capitalize()} {KIND_IMAGES[t.kind]} {point}; {NATURE_IMAGES[t.nature]}."
    return (
        f"[{t.transit} {t.kind} natal {t.natal}] {timing(t)}, strength={t.strength:.2f}, "
        f"signal={PLANET_KEYWORDS[t.transit]} -> {POINT_KEYWORDS[t.natal]}, action={NATURE_ACTIONS[t.nature]}."
    )


def moon_sentence(phase: str, sign: str, tone: str) -> str:
    """The Moon's phase and sign told in a tone; every sign × phase has words."""
    mood, meaning = SIGN_MOODS[sign], PHASE_MEANINGS[phase]
    if tone == "inspiring":
        return f"The {phase} in {sign} sets a {mood} mood: {meaning}."
    if tone == "practical":
        return f"Moon: {phase} in {sign}. The mood is {mood}; this phase is {meaning}."
    if tone == "poetic":
        return f"A {phase} hangs in {sign}, {mood}; it whispers of {meaning}."
    return f"[Moon] phase={phase}, sign={sign}. Mood: {mood}. Cycle step: {meaning}."


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


def interpretation(facts: DayFacts, tone: str) -> str:
    """A few paragraphs: the day's shape, its leading transits, then the Moon and any turning points."""
    opening = {
        "inspiring": f"Today's G-Code is {facts.score}, a {facts.level} day.",
        "practical": f"G-Code {facts.score} ({facts.level}).",
        "poetic": f"The sky writes {facts.score} across your day, a {facts.level} tide.",
        "technical": f"G-Code {facts.score}/100, level={facts.level}, {len(facts.transits)} leading transits.",
    }[tone]
    leading = [transit_sentence(t, tone) for t in facts.transits[:3]]
    if not leading:
        leading = ["No transit is within orb of your chart today: a quiet day to integrate."]
    sky = [moon_sentence(facts.moon["phase"], facts.moon["sign"], tone)]
    sky += [station_sentence(s["body"], s["direction"], tone) for s in facts.stations]
    sky += [f"A {e['type']} {e['kind']} eclipse: {ECLIPSE_MEANINGS[e['kind']]}." for e in facts.eclipses]
    paragraphs = [f"{opening} {leading[0]}", " ".join(leading[1:]), " ".join(sky)]
    return "\n\n".join(p for p in paragraphs if p)


def affirmation(facts: DayFacts, tone: str) -> str:
    nature = facts.transits[0].nature if facts.transits else "neutral"
    return AFFIRMATIONS[tone][nature]


def guidance(facts: DayFacts) -> list[str]:
    """3–5 distinct practical items: one per leading planet, the Moon's phase, then general care."""
    items: list[str] = []
    for t in facts.transits:
        item = PLANET_GUIDANCE[t.nature][t.transit]
        if item not in items:
            items.append(item)
        if len(items) == MAX_GUIDANCE - 1:
            break
    items.append(PHASE_GUIDANCE[facts.moon["phase"]])
    items += [g for g in GENERAL_GUIDANCE if g not in items][: max(0, 3 - len(items))]
    return items[:MAX_GUIDANCE]


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
