"""The local engine's relationship reading: the tightest synastry aspects told in the person's tone."""

from core.astro.aspects import KIND_BY_NAME, Aspect
from core.oracle.tables import (
    KIND_IMAGES,
    KIND_VERBS,
    NATAL_MEANINGS,
    NATURE_ACTIONS,
    NATURE_ADVICE,
    NATURE_IMAGES,
    POINT_IMAGES,
    POINT_KEYWORDS,
)

LEADING = 4  # aspects told in the reading, tightest first


def aspect_sentence(aspect: Aspect, first: str, second: str, tone: str) -> str:
    """One inter-aspect between `first`'s point and `second`'s point, in a tone."""
    nature = KIND_BY_NAME[aspect.kind].nature
    mine, theirs = NATAL_MEANINGS[aspect.first], NATAL_MEANINGS[aspect.second]
    if tone == "inspiring":
        return f"{first}'s {mine} {KIND_VERBS[aspect.kind]} {second}'s {theirs}: {NATURE_ADVICE[nature]}."
    if tone == "practical":
        return (
            f"{first}'s {aspect.first} {aspect.kind} {second}'s {aspect.second} (orb {aspect.orb:.1f}°): "
            f"this touches {mine} and {theirs}; {NATURE_ADVICE[nature]}."
        )
    if tone == "poetic":
        return (
            f"In {first}, {POINT_IMAGES[aspect.first]} {KIND_IMAGES[aspect.kind]} "
            f"{POINT_IMAGES[aspect.second]} in {second}; {NATURE_IMAGES[nature]}."
        )
    return (
        f"[{first}.{aspect.first} {aspect.kind} {second}.{aspect.second}] orb={aspect.orb:.2f}, "
        f"link={POINT_KEYWORDS[aspect.first]}<->{POINT_KEYWORDS[aspect.second]}, action={NATURE_ACTIONS[nature]}."
    )


def balance_sentence(aspects: tuple[Aspect, ...], tone: str) -> str:
    """How the whole set leans: more ease, more friction, or even."""
    ease = sum(KIND_BY_NAME[a.kind].nature == "harmonious" for a in aspects)
    friction = sum(KIND_BY_NAME[a.kind].nature == "tense" for a in aspects)
    lean = "ease" if ease > friction else "friction" if friction > ease else "an even mix"
    return {
        "inspiring": f"Across {len(aspects)} contacts the bond leans toward {lean}.",
        "practical": f"{len(aspects)} contacts: {ease} easy, {friction} tense. Overall: {lean}.",
        "poetic": f"Between you run {len(aspects)} threads, woven mostly of {lean}.",
        "technical": f"contacts={len(aspects)} harmonious={ease} tense={friction} lean={lean}",
    }[tone]


def relationship_reading(aspects: tuple[Aspect, ...], first: str, second: str, tone: str) -> str:
    """Two short paragraphs: the overall lean, then the tightest contacts. Deterministic and offline."""
    if not aspects:
        return f"No planet of {first} aspects a planet of {second} within the synastry orbs."
    leading = " ".join(aspect_sentence(a, first, second, tone) for a in aspects[:LEADING])
    return f"{balance_sentence(aspects, tone)}\n\n{leading}"
