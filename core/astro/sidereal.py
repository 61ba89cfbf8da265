"""The zodiac a chart is measured in: tropical, or sidereal under a named ayanamsa."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import swisseph as swe

from core.astro.vocabulary import Labelled


class Zodiac(Labelled):
    """Tropical, or sidereal under a named ayanamsa."""

    TROPICAL = "tropical", "Tropical"
    LAHIRI = "lahiri", "Sidereal (Lahiri)"
    FAGAN_BRADLEY = "fagan_bradley", "Sidereal (Fagan/Bradley)"
    RAMAN = "raman", "Sidereal (Raman)"
    KRISHNAMURTI = "krishnamurti", "Sidereal (Krishnamurti)"


AYANAMSAS: dict[str, int] = {
    Zodiac.LAHIRI: swe.SIDM_LAHIRI,
    Zodiac.FAGAN_BRADLEY: swe.SIDM_FAGAN_BRADLEY,
    Zodiac.RAMAN: swe.SIDM_RAMAN,
    Zodiac.KRISHNAMURTI: swe.SIDM_KRISHNAMURTI,
}
ZODIAC_NAMES: dict[str, str] = {zodiac.value: zodiac.label for zodiac in Zodiac}
_lock = threading.Lock()


class ZodiacError(ValueError):
    """An unknown zodiac name."""


@contextmanager
def zodiac_flag(zodiac: str) -> Iterator[int]:
    """The calculation flag to add for `zodiac`, valid inside the `with` block.

    The Swiss Ephemeris keeps the ayanamsa in process-wide state, so a sidereal computation
    holds a lock from setting it to its last position; tropical work never reads it and runs free.
    """
    if zodiac == "tropical":
        yield 0
        return
    if zodiac not in AYANAMSAS:
        raise ZodiacError(f"Unknown zodiac “{zodiac}”; choose one of {', '.join(ZODIAC_NAMES)}.")
    with _lock:
        swe.set_sid_mode(AYANAMSAS[zodiac], 0, 0)
        yield swe.FLG_SIDEREAL
