"""House cusps and angles, with a stated fallback where a system is undefined (polar latitudes)."""

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import swisseph as swe

from core.astro.vocabulary import Labelled
from core.astro.zodiac import signed_difference


class HouseSystem(Labelled):
    """The house systems a person may choose, by their Swiss Ephemeris code."""

    PLACIDUS = "P", "Placidus"
    WHOLE_SIGN = "W", "Whole Sign"
    EQUAL = "E", "Equal"
    KOCH = "K", "Koch"
    PORPHYRY = "O", "Porphyry"
    REGIOMONTANUS = "R", "Regiomontanus"
    CAMPANUS = "C", "Campanus"


HOUSE_SYSTEMS: dict[str, str] = {system.value: system.label for system in HouseSystem}
FALLBACK_SYSTEM = "O"  # Porphyry is defined wherever the Ascendant is
# Near the poles, with the Midheaven below the horizon, Swiss Ephemeris builds these two systems on the
# Imum Coeli instead (cusp 10 is the MC + 180° and the houses run clockwise): the chart would place its
# own Midheaven in house 12 or 4. They fall back like Placidus and Koch do, with a note.
SYSTEMS_TURNED_AT_THE_POLES = frozenset({"R", "C"})


class HouseSystemError(ValueError):
    """An unknown house system code."""


@dataclass(frozen=True)
class Houses:
    """Twelve cusps (cusps[0] is the 1st house), the angles and which system produced them."""

    system: str
    requested: str
    cusps: tuple[float, ...]
    ascendant: float
    midheaven: float
    note: str = ""
    # `cusp_offsets` of the cusps, worked out once for every point a chart places in these houses.
    offsets: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "offsets", cusp_offsets(self.cusps))  # frozen: set the way dataclasses do

    @property
    def system_name(self) -> str:
        return HOUSE_SYSTEMS[self.system]

    @property
    def fell_back(self) -> bool:
        return self.system != self.requested


def angles(jd_ut: float, latitude: float, longitude: float, flags: int = 0) -> tuple[float, float]:
    """Ascendant and MC, from the Equal system (defined at every latitude)."""
    _, ascmc = swe.houses_ex(jd_ut, latitude, longitude, b"E", flags)
    return ascmc[0], ascmc[1]


def with_fallback(
    houses_in: Callable[[bytes], tuple[tuple[float, ...], tuple[float, ...]]], system: str, latitude: float
) -> tuple[tuple[float, ...], tuple[float, ...], str, str]:
    """Cusps and angles from `houses_in(system)`, or from Porphyry with a note where `system` fails."""
    if system not in HOUSE_SYSTEMS:
        raise HouseSystemError(f"Unknown house system “{system}”; choose one of {', '.join(HOUSE_SYSTEMS)}.")
    try:
        cusps, ascmc = houses_in(system.encode())
        return cusps, ascmc, system, ""
    except swe.Error:
        cusps, ascmc = houses_in(FALLBACK_SYSTEM.encode())
        problem = f"are undefined at latitude {latitude:.2f}° at this moment (some degrees of the zodiac never rise)"
        return cusps, ascmc, FALLBACK_SYSTEM, fallback_note(system, problem)


def compute_houses(jd_ut: float, latitude: float, longitude: float, system: str = "P", flags: int = 0) -> Houses:
    """Cusps in `system`, or in Porphyry with a note where `system` fails at this latitude and moment.

    `flags` carries the sidereal flag for a sidereal zodiac (see `sidereal.zodiac_flag`).
    """
    cusps, ascmc, used, note = with_fallback(
        lambda code: swe.houses_ex(jd_ut, latitude, longitude, code, flags), system, latitude
    )
    if used not in SYSTEMS_TURNED_AT_THE_POLES:
        return Houses(used, system, tuple(cusps[:12]), ascmc[0], ascmc[1], note)
    ascendant, midheaven = angles(jd_ut, latitude, longitude, flags)
    if abs(signed_difference(cusps[9], midheaven)) < 90.0:
        return Houses(system, system, tuple(cusps[:12]), ascendant, midheaven)
    problem = (
        f"would turn round at latitude {latitude:.2f}° at this moment "
        "(the Midheaven is below the horizon and would leave the 10th house)"
    )
    cusps, ascmc = swe.houses_ex(jd_ut, latitude, longitude, FALLBACK_SYSTEM.encode(), flags)
    return Houses(FALLBACK_SYSTEM, system, tuple(cusps[:12]), ascmc[0], ascmc[1], fallback_note(system, problem))


def fallback_note(system: str, problem: str) -> str:
    """Why Porphyry houses stand in for `system`."""
    return f"{HOUSE_SYSTEMS[system]} houses {problem}; {HOUSE_SYSTEMS[FALLBACK_SYSTEM]} houses are used instead."


def cusp_offsets(cusps: tuple[float, ...]) -> tuple[float, ...]:
    """Each cusp's distance along the zodiac from the 1st cusp: 0 first, rising below 360."""
    first = cusps[0]
    return tuple([(cusp - first) % 360.0 for cusp in cusps])  # a list first: quicker than a generator


def house_of(longitude: float, cusps: tuple[float, ...], offsets: tuple[float, ...] | None = None) -> int:
    """The house (1–12) whose arc from its cusp to the next contains `longitude`.

    Pass `offsets` (from `cusp_offsets`) when placing many points in the same houses.
    """
    offsets = offsets or cusp_offsets(cusps)
    return bisect_right(offsets, (longitude - cusps[0]) % 360.0)
