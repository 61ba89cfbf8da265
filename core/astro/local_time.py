"""Local civil time to Universal Time, with the offset in force on that date in that zone.

A clock time inside a daylight-saving gap never happened and is refused with both possible
readings; a clock time inside a fold happened twice and must be chosen.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

NOON = dt.time(12, 0)


class LocalTimeError(ValueError):
    """A local time that cannot be turned into one instant, with a message for a person."""


@dataclass(frozen=True)
class Reading:
    """One way to read an ambiguous or impossible clock time."""

    fold: int
    utc: dt.datetime
    offset: dt.timedelta

    def describe(self) -> str:
        return f"UTC{format_offset(self.offset)} (= {self.utc:%H:%M} UT)"


class ClockChangeError(LocalTimeError):
    """A clock time a DST change made impossible or ambiguous, with its two readings to offer."""

    # How the message tells the readings apart, filled with the local time, the zone and both readings.
    TEMPLATE = ""

    def __init__(self, local: dt.datetime, zone: str, readings: tuple[Reading, Reading]) -> None:
        self.readings = readings
        first, second = (reading.describe() for reading in readings)
        super().__init__(self.TEMPLATE.format(local=f"{local:%Y-%m-%d %H:%M}", zone=zone, first=first, second=second))


class NonexistentLocalTime(ClockChangeError):
    """The clock jumped over this time (a DST gap)."""

    TEMPLATE = (
        "{local} did not exist in {zone}: the clocks jumped forward. "
        "Read with the earlier offset it is {first}; with the later offset, {second}."
    )


class AmbiguousLocalTime(ClockChangeError):
    """The clock showed this time twice (a DST fold)."""

    TEMPLATE = "{local} happened twice in {zone}: first at {first}, then at {second}. Choose which one."


class MissingLocalDay(LocalTimeError):
    """A calendar date the zone skipped (Samoa's 30 December 2011): it has no hours, so no day's sky."""

    def __init__(self, date: dt.date, zone: str):
        self.date = date
        super().__init__(f"{date:%Y-%m-%d} did not happen in {zone}: the calendar there skipped that day.")


@dataclass(frozen=True)
class ResolvedTime:
    """The UT instant used for a chart, and how it was obtained."""

    utc: dt.datetime
    offset: dt.timedelta
    zone: str
    time_known: bool


def format_offset(offset: dt.timedelta) -> str:
    """+05:45, -04:00, +00:00."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def local_date(instant: dt.datetime, zone: str) -> dt.date:
    """The calendar date an aware instant falls on in a zone: "today" there, given the instant "now"."""
    return instant.astimezone(load_zone(zone)).date()


def load_zone(name: str) -> zoneinfo.ZoneInfo:
    if not name:
        raise LocalTimeError("A timezone is needed.")
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise LocalTimeError(f"“{name}” is not a known IANA timezone.") from exc


def both_readings(local: dt.datetime, zone: zoneinfo.ZoneInfo) -> tuple[Reading, Reading]:
    readings = []
    for fold in (0, 1):
        aware = local.replace(tzinfo=zone, fold=fold)
        readings.append(Reading(fold, aware.astimezone(dt.UTC), aware.utcoffset() or dt.timedelta(0)))
    return readings[0], readings[1]


def is_nonexistent(local: dt.datetime, zone: zoneinfo.ZoneInfo) -> bool:
    """True when the wall time does not survive a round trip through UTC."""
    aware = local.replace(tzinfo=zone)
    return aware.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != local


def to_universal_time(date: dt.date, time: dt.time | None, zone_name: str, fold: int | None = None) -> ResolvedTime:
    """UT of a local birth moment; unknown time means local noon. `fold` picks a reading of a fold."""
    zone = load_zone(zone_name)
    clock = time or NOON
    earlier = dt.datetime.combine(date, clock, zone)  # one call: `replace(tzinfo=...)` costs as much again
    # The same wall time read with the later offset; the constructor takes a third of `earlier.replace(fold=1)`.
    later = dt.datetime(
        date.year, date.month, date.day, clock.hour, clock.minute, clock.second, clock.microsecond, zone, fold=1
    )
    if earlier.utcoffset() != later.utcoffset():  # a gap or a fold: both readings are spelled out
        local = earlier.replace(tzinfo=None)
        first, second = both_readings(local, zone)
        if is_nonexistent(local, zone):
            raise NonexistentLocalTime(local, zone_name, (first, second))
        if fold is None:
            raise AmbiguousLocalTime(local, zone_name, (first, second))
    chosen = later if fold == 1 else earlier
    return ResolvedTime(chosen.astimezone(dt.UTC), chosen.utcoffset() or dt.timedelta(0), zone_name, time is not None)
