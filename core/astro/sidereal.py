"""The zodiac a chart is measured in: tropical, or sidereal under a named ayanamsa."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import swisseph as swe

AYANAMSAS: dict[str, int] = {
    "lahiri": swe.SIDM_LAHIRI,
    "fagan_bradley": swe.SIDM_FAGAN_BRADLEY,
    "raman": swe.SIDM_RAMAN,
    "krishnamurti": swe.SIDM_KRISHNAMURTI,
}
ZODIAC_NAMES: dict[str, str] = {
    "tropical": "Tropical",
    "lahiri": "Sidereal (Lahiri)",
    "fagan_bradley": "Sidereal (Fagan/Bradley)",
    "raman": "Sidereal (Raman)",
    "krishnamurti": "Sidereal (Krishnamurti)",
}
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
