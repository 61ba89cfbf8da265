"""House cusps and angles, with a stated fallback where a system is undefined (polar latitudes)."""

from bisect import bisect_right
from dataclasses import dataclass

import swisseph as swe

HOUSE_SYSTEMS: dict[str, str] = {
    "P": "Placidus",
    "W": "Whole Sign",
    "E": "Equal",
    "K": "Koch",
    "O": "Porphyry",
    "R": "Regiomontanus",
    "C": "Campanus",
}
FALLBACK_SYSTEM = "O"  # Porphyry is defined wherever the Ascendant is
# Near the poles Swiss Ephemeris turns the MC of these systems by 180°; take the usual angles instead.
SYSTEMS_WITH_OWN_ANGLES = frozenset({"R", "C"})


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


def compute_houses(jd_ut: float, latitude: float, longitude: float, system: str = "P", flags: int = 0) -> Houses:
    """Cusps in `system`, or in Porphyry with a note where `system` fails at this latitude.

    `flags` carries the sidereal flag for a sidereal zodiac (see `sidereal.zodiac_flag`).
    """
    if system not in HOUSE_SYSTEMS:
        raise HouseSystemError(f"Unknown house system “{system}”; choose one of {', '.join(HOUSE_SYSTEMS)}.")
    try:
        cusps, ascmc = swe.houses_ex(jd_ut, latitude, longitude, system.encode(), flags)
        used, note = system, ""
    except swe.Error:
        cusps, ascmc = swe.houses_ex(jd_ut, latitude, longitude, FALLBACK_SYSTEM.encode(), flags)
        used = FALLBACK_SYSTEM
        note = (
            f"{HOUSE_SYSTEMS[system]} houses are undefined at latitude {latitude:.2f}° at this moment "
            f"(some degrees of the zodiac never rise); {HOUSE_SYSTEMS[FALLBACK_SYSTEM]} houses are used instead."
        )
    if used in SYSTEMS_WITH_OWN_ANGLES:
        ascendant, midheaven = angles(jd_ut, latitude, longitude, flags)
    else:
        ascendant, midheaven = ascmc[0], ascmc[1]
    return Houses(used, system, tuple(cusps[:12]), ascendant, midheaven, note)


def cusp_offsets(cusps: tuple[float, ...]) -> tuple[float, ...]:
    """Each cusp's distance along the zodiac from the 1st cusp: 0 first, rising below 360."""
    first = cusps[0]
    return tuple((cusp - first) % 360.0 for cusp in cusps)


def house_of(longitude: float, cusps: tuple[float, ...], offsets: tuple[float, ...] | None = None) -> int:
    """The house (1–12) whose arc from its cusp to the next contains `longitude`.

    Pass `offsets` (from `cusp_offsets`) when placing many points in the same houses.
    """
    offsets = offsets or cusp_offsets(cusps)
    return bisect_right(offsets, (longitude - cusps[0]) % 360.0)
