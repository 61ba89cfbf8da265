"""The Swiss Ephemeris behind every position: bodies, flags, Julian days, ephemeris choice."""

import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NamedTuple

import swisseph as swe

from core.astro.vocabulary import Labelled

# The shipped Swiss Ephemeris files (sepl_, semo_ and seas_ 12, 18 and 24) hold every body from
# 1200-01-08 06:00 to 2999-12-31 18:00 UT; the same span applies on Moshier so that an install
# without files accepts the same people.
FIRST_INSTANT = dt.datetime(1200, 1, 8, 6, tzinfo=dt.UTC)
LAST_INSTANT = dt.datetime(2999, 12, 31, 18, tzinfo=dt.UTC)
# The local dates whose every hour lies inside that span in any zone: clocks have stood up to
# 15 h 56 min from UT (local mean time in Manila and Metlakatla before their zones were set).
FIRST_DATE, LAST_DATE = dt.date(1200, 1, 10), dt.date(2999, 12, 30)


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
    MEAN_LILITH = (swe.MEAN_APOG, "⚸")  # the Moon's mean apogee, "Black Moon Lilith"
    TRUE_LILITH = (swe.OSCU_APOG, "⚸")  # the osculating apogee

    def __init__(self, swe_id: int, glyph: str) -> None:
        # Plain attributes: enum properties cost a descriptor lookup on every access.
        self.swe_id = swe_id
        self.glyph = glyph
        self.label = self.name.replace("_", " ").title()


class Lilith(Labelled):
    """Whether a chart shows Lilith, and which: the Moon's mean or osculating apogee."""

    NONE = "", "Not shown"
    MEAN = "mean", "Mean Lilith"
    TRUE = "true", "True (osculating) Lilith"


PLANETS: tuple[Body, ...] = (
    Body.SUN, Body.MOON, Body.MERCURY, Body.VENUS, Body.MARS,
    Body.JUPITER, Body.SATURN, Body.URANUS, Body.NEPTUNE, Body.PLUTO,
)  # fmt: skip


class BodyState(NamedTuple):
    """Geocentric apparent ecliptic position (true equinox of date) and daily speed."""

    longitude: float
    latitude: float
    distance_au: float
    speed: float  # degrees per day in longitude

    @property
    def retrograde(self) -> bool:
        return self.speed < 0


@dataclass(frozen=True)
class EphemerisSource:
    """Which ephemeris answers: Swiss Ephemeris files from a folder, or the built-in Moshier."""

    path: str = ""
    files: bool = False
    chiron: bool = False

    @property
    def flag(self) -> int:
        return swe.FLG_SWIEPH if self.files else swe.FLG_MOSEPH

    @property
    def name(self) -> str:
        return f"Swiss Ephemeris files in {self.path}" if self.files else "built-in Moshier ephemeris"


PLANET_FILE = "sepl_18.se1"  # the planets for 1800–2399 (the current era); without it, Moshier answers
_lock = threading.Lock()
_source = EphemerisSource()
_thread = threading.local()  # which path this thread has handed to the Swiss Ephemeris


def configure(path: str) -> EphemerisSource:
    """Use Swiss Ephemeris files from `path`; an empty path, or one without the planet file, selects Moshier."""
    global _source
    with _lock:
        swe.set_ephe_path(path or None)
        _thread.path = path
        files = bool(path) and (Path(path) / PLANET_FILE).is_file()
        _source = EphemerisSource(path if files else "", files, files and _chiron_computes())
        return _source


def _chiron_computes() -> bool:
    """Chiron needs the asteroid file seas_*.se1; Moshier has no asteroids."""
    try:
        swe.calc_ut(2451545.0, swe.CHIRON, swe.FLG_SWIEPH)
    except swe.Error:
        return False
    return True


def source() -> EphemerisSource:
    return _source


def ephemeris_flag() -> int:
    """The calculation flag for the configured ephemeris, with this thread's file path set first.

    The Swiss Ephemeris keeps its file path in thread-local storage: a path set in the main
    thread is unknown to a server's worker threads and the scheduler's, which would silently
    fall back to Moshier (and fail on Chiron). Each thread sets it once, on first use.
    """
    source = _source
    if getattr(_thread, "path", None) != source.path:
        swe.set_ephe_path(source.path or None)
        _thread.path = source.path
    return source.flag


def uses_files() -> bool:
    return _source.files


def chiron_available() -> bool:
    return _source.chiron


def julian_day(instant: dt.datetime) -> float:
    """Julian day (UT) of an aware instant; refuses instants outside the ephemeris span."""
    if instant.tzinfo is None:
        raise EphemerisError("An instant must carry its timezone.")
    utc = instant.astimezone(dt.UTC)
    if not FIRST_INSTANT <= utc <= LAST_INSTANT:
        raise EphemerisError(
            f"{utc:%Y-%m-%d %H:%M} UT is outside the ephemeris range "
            f"{FIRST_INSTANT:%Y-%m-%d %H:%M} to {LAST_INSTANT:%Y-%m-%d %H:%M} UT."
        )
    hours = utc.hour + utc.minute / 60 + (utc.second + utc.microsecond / 1e6) / 3600
    return swe.julday(utc.year, utc.month, utc.day, hours, swe.GREG_CAL)


def instant_from_julian_day(jd_ut: float) -> dt.datetime:
    """The aware UTC instant of a Julian day (UT), to the microsecond."""
    year, month, day, hours = swe.revjul(jd_ut, swe.GREG_CAL)
    return dt.datetime(year, month, day, tzinfo=dt.UTC) + dt.timedelta(hours=hours)


def check_local_date(date: dt.date) -> None:
    """Refuse a calendar date (as the person typed it, in their zone) outside the supported range."""
    if not FIRST_DATE <= date <= LAST_DATE:
        raise EphemerisError(
            f"The date {date:%Y-%m-%d} is outside the supported range {FIRST_DATE:%Y-%m-%d} to {LAST_DATE:%Y-%m-%d}."
        )


def body_state(jd_ut: float, body: Body) -> BodyState:
    """Position and speed of one body at a Julian day (UT)."""
    return body_states(jd_ut, (body,))[0]


def body_states(jd_ut: float, bodies: Iterable[Body], zodiac_flag: int = 0) -> list[BodyState]:
    """Positions and speeds of several bodies at one Julian day (UT), in the order given.

    `zodiac_flag` comes from `sidereal.zodiac_flag` (0: tropical).
    """
    # tuple.__new__ skips the named tuple's Python-level constructor: the same value, at half the cost.
    return [tuple.__new__(BodyState, values[:4]) for values in ecliptic_values(jd_ut, bodies, zodiac_flag)]


def ecliptic_values(jd_ut: float, bodies: Iterable[Body], zodiac_flag: int = 0) -> list[tuple[float, ...]]:
    """The Swiss Ephemeris's own answer per body (longitude, latitude, distance and their daily speeds).

    For the loops that build their own records from it, such as a chart's points.
    """
    flag = ephemeris_flag() | swe.FLG_SPEED | zodiac_flag
    bodies = tuple(bodies)
    found: list[tuple[float, ...]] = []
    append, calc_ut = found.append, swe.calc_ut
    try:
        for body in bodies:
            append(calc_ut(jd_ut, body.swe_id, flag)[0])
    except swe.Error as exc:
        raise EphemerisError(f"{bodies[len(found)].label} cannot be computed: {exc}") from exc
    return found


def body_states_over(times: Iterable[float], body: Body) -> list[BodyState]:
    """Positions and speeds of one body at several Julian days (UT)."""
    flag = ephemeris_flag() | swe.FLG_SPEED
    try:
        return [BodyState(*swe.calc_ut(jd, body.swe_id, flag)[0][:4]) for jd in times]
    except swe.Error as exc:
        raise EphemerisError(f"{body.label} cannot be computed: {exc}") from exc


def heliocentric_longitude(jd_ut: float, body: Body) -> float:
    """Heliocentric ecliptic longitude (for the solar-system view)."""
    values, _ = swe.calc_ut(jd_ut, body.swe_id, ephemeris_flag() | swe.FLG_HELCTR)
    return values[0]
