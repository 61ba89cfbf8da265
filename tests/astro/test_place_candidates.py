"""A name that does not settle on one place carries the places the person may have meant."""

import pytest

from core.astro.places import PlaceError, close_spellings, find_place


def test_namesakes_come_with_the_error_most_populous_first():
    with pytest.raises(PlaceError) as refused:
        find_place("Springfield")
    labels = [p.label for p in refused.value.candidates]
    assert "Springfield, Illinois, United States" in labels
    populations = [p.population for p in refused.value.candidates]
    assert populations == sorted(populations, reverse=True)


def test_a_misspelt_name_offers_the_closest_spellings():
    with pytest.raises(PlaceError, match="Did you mean Lisbon, Portugal") as refused:
        find_place("Lisbom")
    assert refused.value.candidates[0].label == "Lisbon, Portugal"


def test_close_spellings_respect_the_country_given():
    assert close_spellings("Lisbom, United States")[0].label == "Lisbon, Maine, United States"


def test_a_name_like_nothing_offers_nothing():
    with pytest.raises(PlaceError) as refused:
        find_place("Xyzzyville")
    assert refused.value.candidates == ()
