"""Variety a person notices: over 60 days for each of 20 charts, the words move from day to day.

The figures printed here are quoted in docs/gcode.md.
"""

import datetime as dt
import itertools
from collections import Counter

from bench.population import varied_charts
from core.oracle import local
from tests.support.samples import days_for_charts

DAYS = [dt.date(2026, 9, 1) + dt.timedelta(days=n) for n in range(60)]
WINDOW = 14


def first_sentence(text: str) -> str:
    return text.split(". ")[0]


def worst_repeats(series: list[list[str]]) -> tuple[int, int]:
    """(shortest gap between two days with the same single item, most uses of one item in any 14 days)."""
    shortest, most = 10**6, 0
    for start in range(len(series)):
        window = Counter(item for day in series[start : start + WINDOW] for item in set(day))
        most = max(most, max(window.values(), default=0))
    last_seen: dict[str, int] = {}
    for index, day in enumerate(series):
        for item in day:
            if item in last_seen:
                shortest = min(shortest, index - last_seen[item])
            last_seen[item] = index
    return shortest, most


def test_sixty_days_for_twenty_people_read_differently_each_day():
    per_chart = days_for_charts(varied_charts(20), DAYS)
    shortest_affirmation, most_guidance, changed, compared = 10**6, 0, 0, 0
    for facts in per_chart:
        texts = [local.daily_texts(f, "inspiring") for f in facts]
        shortest_affirmation = min(shortest_affirmation, worst_repeats([[t.affirmation] for t in texts])[0])
        most_guidance = max(most_guidance, worst_repeats([t.guidance for t in texts])[1])
        firsts = [first_sentence(t.interpretation) for t in texts]
        changed += sum(a != b for a, b in itertools.pairwise(firsts))
        compared += len(firsts) - 1
        again = [local.daily_texts(f, "inspiring") for f in facts[:3]]
        assert again == texts[:3]  # the same (person, date) reads the same
    share = changed / compared
    print(
        f"\nvariety over {len(DAYS)} days x {len(per_chart)} charts: an affirmation returns after "
        f">= {shortest_affirmation} days; a guidance item appears at most {most_guidance} times in any "
        f"{WINDOW} days; the first sentence changes on {share:.1%} of days ({changed}/{compared})"
    )
    assert shortest_affirmation >= WINDOW
    assert most_guidance <= 3
    assert share >= 0.9
