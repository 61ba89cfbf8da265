"""The G-Code score: the worked example of docs/gcode.md, its properties, levels and the Moon's weight."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.gcode.score import (
    KIND_WEIGHTS,
    NATAL_WEIGHTS,
    TRANSIT_WEIGHTS,
    Contact,
    duration,
    gcode_score,
    intensity_level,
    leading,
    orb_limit,
    raw_total,
    squash,
    strength,
    tightness,
)

WORKED_EXAMPLE = [
    Contact("Saturn", "Sun", "square", orb=1.0, applying=True, speed=0.03),
    Contact("Moon", "Venus", "trine", orb=0.5, applying=False, speed=13.0),
    Contact("Jupiter", "Ascendant", "conjunction", orb=2.0, applying=True, speed=0.1),
]

contacts = st.builds(
    Contact,
    transit=st.sampled_from(sorted(TRANSIT_WEIGHTS)),
    natal=st.sampled_from(sorted(NATAL_WEIGHTS)),
    kind=st.sampled_from(["conjunction", "opposition", "square", "trine", "sextile"]),
    orb=st.floats(0.0, 3.0),
    applying=st.booleans(),
    speed=st.floats(-2.0, 16.0),
)
days = st.lists(contacts, max_size=40)


def test_the_worked_example_of_the_docs():
    saturn, moon, jupiter = WORKED_EXAMPLE
    assert tightness(1.0, 2.5) == pytest.approx(0.84)
    assert strength(saturn) == pytest.approx(1.4 * 1.4 * 0.85 * 0.84)  # 1.3994
    assert duration(13.0, 2.5) == pytest.approx(5 / 13)
    assert strength(moon) == pytest.approx(1.0 * 1.0 * 0.7 * 0.96 * (5 / 13) * 0.75)  # 0.1938
    assert strength(jupiter) == pytest.approx(1.2 * 1.3 * 1.0 * (1 - (2 / 3) ** 2))  # 0.8667
    assert raw_total(WORKED_EXAMPLE) == pytest.approx(2.4600, abs=1e-4)
    assert gcode_score(WORKED_EXAMPLE) == 4
    assert raw_total(WORKED_EXAMPLE, time_known=False) == pytest.approx(1.5933, abs=1e-4)
    assert gcode_score(WORKED_EXAMPLE, time_known=False) == 3


def test_the_squash_table_of_the_docs():
    table = {0: 1, 2: 3, 4: 9, 6: 22, 8.5: 50, 10: 68, 12: 85, 14: 94, 17: 99, 20: 100}
    assert {total: squash(total) for total in table} == table


@given(days, st.booleans())
def test_the_score_is_always_between_1_and_100_and_deterministic(day, time_known):
    score = gcode_score(day, time_known)
    assert 1 <= score <= 100
    assert gcode_score(list(day), time_known) == score


@given(days, contacts, st.floats(0.0, 1.0))
def test_a_tighter_orb_never_lowers_the_score(day, contact, shrink):
    tighter = Contact(
        contact.transit, contact.natal, contact.kind, contact.orb * shrink, contact.applying, contact.speed
    )
    assert strength(tighter) >= strength(contact)
    assert gcode_score([*day, tighter]) >= gcode_score([*day, contact])


@given(days, contacts)
def test_adding_an_aspect_never_lowers_the_score(day, contact):
    assert gcode_score([*day, contact]) >= gcode_score(day)


def test_angles_count_only_when_the_birth_time_is_known():
    angle = [Contact("Saturn", "Ascendant", "conjunction", 0.0, True, 0.05)]
    assert gcode_score(angle, time_known=True) > 1
    assert gcode_score(angle, time_known=False) == 1


def test_the_moon_is_weighted_for_its_speed():
    slow = Contact("Sun", "Mars", "square", 0.5, True, 1.0)
    fast = Contact("Moon", "Mars", "square", 0.5, True, 13.2)
    assert strength(fast) == pytest.approx(strength(slow) * 2 * orb_limit("square") / 13.2)


def test_an_aspect_at_the_edge_of_its_orb_adds_nothing():
    assert strength(Contact("Mars", "Sun", "trine", orb_limit("trine"), True, 0.6)) == 0.0


@pytest.mark.parametrize(
    ("score", "level"), [(1, "low"), (24, "low"), (25, "medium"), (49, "medium"), (50, "high"), (74, "high"),
                         (75, "intense"), (100, "intense")],
)  # fmt: skip
def test_levels_follow_the_thresholds(score, level):
    assert intensity_level(score) == level


def test_leading_contacts_come_strongest_first_and_skip_the_weightless():
    edge = Contact("Mars", "Sun", "trine", orb_limit("trine"), True, 0.6)
    ranked = leading([*WORKED_EXAMPLE, edge])
    assert [c.transit for c, _ in ranked] == ["Saturn", "Jupiter", "Moon"]
    assert all(KIND_WEIGHTS[c.kind] > 0 for c, _ in ranked)
