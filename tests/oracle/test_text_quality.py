"""Text quality over a year of readings and patch notes for 20 varied charts in all four tones.

Fails on doubled punctuation, a colon too many in a sentence, a phrase of five words repeated
within a sentence or in the next one, "0.0° from exact", an empty section, or a sentence of
more than 40 words. The counts are printed (and quoted in docs/gcode.md).
"""

import re
from collections import Counter
from functools import lru_cache

import pytest

from bench.population import days_of, varied_charts
from core.oracle import local
from core.oracle.patch_notes import render_patch_notes
from tests.support.samples import days_for_charts

pytestmark = pytest.mark.slow

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
DOUBLED = re.compile(r"[.,;:!?]\s*[.,;:!?]|\s[.,;:]")
COLON = re.compile(r"(?<!\d):(?!\d)")
WORD = re.compile(r"[\w°%'-]+")
EMPTY_SECTION = re.compile(r"^##+ [^\n]*\n+(?=#|\Z)|^[A-Z][\w ]+:\n(?:\n|\Z)", re.MULTILINE)
CODE_LINE = re.compile(r"^(G0\d|M\d|```)")
MAX_WORDS, PHRASE = 40, 5


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def phrases(sentence: str) -> list[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(sentence)]
    return [tuple(words[i : i + PHRASE]) for i in range(len(words) - PHRASE + 1)]


def prose(text: str) -> str:
    """The text without its G-code program (code, not sentences) and with the technical " :: " as a dash."""
    lines = [line for line in text.splitlines() if not CODE_LINE.match(line)]
    return "\n".join(lines).replace(" :: ", " - ")


@lru_cache(maxsize=200_000)
def sentence_glitches(sentence: str) -> tuple[Counter, frozenset]:
    """What is wrong inside one sentence, and its five-word phrases (sentences recur from day to day)."""
    found: Counter = Counter()
    found["doubled punctuation"] += len(DOUBLED.findall(sentence.replace("...", "")))
    found["two colons in a sentence"] += len(COLON.findall(sentence)) > 1
    found["sentence over 40 words"] += len(WORD.findall(sentence)) > MAX_WORDS
    own = phrases(sentence)
    found["phrase repeated"] += len(own) != len(set(own))
    return found, frozenset(own)


def glitches(text: str, lists_repeat: bool = False) -> Counter:
    """What is wrong with one text, counted by kind (list items may share phrases when `lists_repeat`)."""
    found: Counter = Counter()
    found["0.0° from exact"] += text.count("0.0° from exact")
    found["empty section"] += len(EMPTY_SECTION.findall(text))
    previous: frozenset = frozenset()
    for sentence in sentences(prose(text)):
        inside, own = sentence_glitches(sentence)
        found.update(inside)
        found["phrase repeated"] += bool(own & previous)
        # List items and the technical tone's "[record] key=value" lines are parallel by design.
        previous = frozenset() if lists_repeat or sentence.startswith("[") else own
    return found


def test_a_year_of_readings_and_notes_has_no_glitches():
    per_chart = days_for_charts(varied_charts(20), days_of(2026))
    totals: Counter = Counter()
    examples: dict[str, str] = {}
    checked = {"readings": 0, "patch notes": 0, "sentences": 0}
    for facts in (f for chart in per_chart for f in chart):
        for tone in local.TONES:
            texts = local.daily_texts(facts, tone)
            bodies = [(texts.interpretation, False), (texts.affirmation, False)]
            bodies += [(g, False) for g in texts.guidance]
            # Release notes are parallel list items ("X trine natal Venus", "Y trine natal Venus"):
            # each item is checked on its own.
            bodies += [(n.body, True) for n in render_patch_notes(facts, tone)]
            checked["readings"] += 1
            checked["patch notes"] += 4
            for body, is_list in bodies:
                checked["sentences"] += len(sentences(body))
                found = glitches(body, is_list)
                found["empty section"] += not body.strip()
                for kind, count in found.items():
                    if count:
                        totals[kind] += count
                        examples.setdefault(kind, body[:400])
    print(f"\ntext quality: checked {checked}; glitches {dict(totals) or 'none'}")
    assert not totals, examples
