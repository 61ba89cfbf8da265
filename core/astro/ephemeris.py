"""The Swiss Ephemeris behind every position: bodies, flags, Julian days, ephemeris choice."""

import datetime as dt
import threading
from dataclasses import dataclass
from enum import Enum

import swisseph as swe

FIRST_YEAR, LAST_YEAR = 1800, 2399  # the span the standard Swiss Ephemeris files cover


class EphemerisError(ValueError):
    """An instant or body the ephemeris cannot compute, with a message for a person."""


class Body(Enum):
    """Chart bodies with their Swiss Ephemeris numbers and glyphs."""

    SUN = (swe.SUN, "☉")
    MOON = (swe.MOON, "☽")
    MERCURY = (swe.MERCURY, "☿")
    VENUS = (swe.VENUS, "♀")
    MARS = (swe.MARS, "♂")
    JUPITER = (swe.JUPITER, "♃")
    SATURN = (swe.SATURN, "♄")
    URANUS = (swe.URANUS, "♅")
    NEPTUNE = (swe.NEPTUNE, "♆")
    PLUTO = (swe.PLUTO, "♇")
    TRUE_NODE = (swe.TRUE_NODE, "☊")
    MEAN_NODE = (swe.MEAN_NODE, "☊")
    CHIRON = (swe.CHIRON, "⚷")

    @property
    def swe_id(self) -> int:
        return self.value[0]

    @property
    def glyph(self) -> str:
        return self.value[1]

    @property
    def label(self) -> str:
        return {"TRUE_NODE": "True Node", "MEAN_NODE": "Mean Node"}.get(self.name, self.name.title())


PLANETS: tuple[Body, ...] = (
    Body.SUN, Body.MOON, Body.MERCURY, Body.VENUS, Body.MARS,
    Body.JUPITER, Body.SATURN, Body.URANUS, Body.NEPTUNE, Body.PLUTO,
)  # fmt: skip


@dataclass(frozen=True)
class BodyState:
    """Geocentric apparent ecliptic position (true equinox of date) and daily speed."""

    longitude: float
    latitude: float
    distance_au: float
    speed: float  # degrees per day in longitude

    @property
    def retrograde(self) -> bool:
        return self.speed < 0


_lock = threading.Lock()
_ephemeris_path = ""


def configure(path: str) -> None:
    """Use Swiss Ephemeris files from `path`; an empty path selects the built-in Moshier ephemeris."""
    global _ephemeris_path
    with _lock:
        _ephemeris_path = path
        swe.set_ephe_path(path or None)


def ephemeris_flag() -> int:
    return swe.FLG_SWIEPH if _ephemeris_path else swe.FLG_MOSEPH


def uses_files() -> bool:
    return bool(_ephemeris_path)


def julian_day(instant: dt.datetime) -> float:
    """Julian day (UT) of an aware instant; refuses years outside the supported span."""
    if instant.tzinfo is None:
        raise EphemerisError("An instant must carry its timezone.")
    check_year(instant.year)
    utc = instant.astimezone(dt.UTC)
    hours = utc.hour + utc.minute / 60 + (utc.second + utc.microsecond / 1e6) / 3600
    return swe.julday(utc.year, utc.month, utc.day, hours, swe.GREG_CAL)


def instant_from_julian_day(jd_ut: float) -> dt.datetime:
    """The aware UTC instant of a Julian day (UT), to the microsecond."""
    year, month, day, hours = swe.revjul(jd_ut, swe.GREG_CAL)
    return dt.datetime(year, month, day, tzinfo=dt.UTC) + dt.timedelta(hours=hours)


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise EphemerisError(f"The year {year} is outside the ephemeris range {FIRST_YEAR}–{LAST_YEAR}.")


def body_state(jd_ut: float, body: Body) -> BodyState:
    """Position and speed of one body at a Julian day (UT)."""
    try:
        values, _ = swe.calc_ut(jd_ut, body.swe_id, ephemeris_flag() | swe.FLG_SPEED)
    except swe.Error as exc:
        raise EphemerisError(f"{body.label} cannot be computed: {exc}") from exc
    return BodyState(values[0], values[1], values[2], values[3])


def heliocentric_longitude(jd_ut: float, body: Body) -> float:
    """Heliocentric ecliptic longitude (for the solar-system view)."""
    values, _ = swe.calc_ut(jd_ut, body.swe_id, ephemeris_flag() | swe.FLG_HELCTR)
    return values[0]


def chiron_available() -> bool:
    """Chiron needs the asteroid file seas_*.se1; Moshier has no asteroids."""
    if not _ephemeris_path:
        return False
    try:
        swe.calc_ut(2451545.0, swe.CHIRON, swe.FLG_SWIEPH)
    except swe.Error:
        return False
    return True
