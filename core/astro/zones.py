"""IANA timezones as a person chooses among them: canonical names with the local time now."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

# Names kept only for old software ("US/Eastern", "posix/...", "Etc/GMT+3"): offered to nobody.
LEGACY_PREFIXES = ("Etc/", "SystemV/", "US/", "posix", "right/", "Canada/", "Mexico/", "Brazil/", "Chile/")
AREAS = ("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/",
         "Pacific/")  # fmt: skip


def chooser_zone_names(available: Iterable[str]) -> list[str]:
    """The zones worth offering (Area/City names, and UTC), sorted."""
    names = {n for n in available if n.startswith(AREAS) and not n.startswith(LEGACY_PREFIXES)}
    return ["UTC", *sorted(names)]


def zone_label(name: str, now: dt.datetime) -> str:
    """ "America/Sao Paulo 08:32 UTC-3": the zone and its clock at `now` (an aware instant), short for a phone."""
    local = now.astimezone(zoneinfo.ZoneInfo(name))
    offset = local.strftime("%z")
    hours, minutes = int(offset[:3]), offset[3:]
    return f"{name.replace('_', ' ')} {local:%H:%M} UTC{hours:+d}{':' + minutes if minutes != '00' else ''}"


def zone_choices(available: Iterable[str], now: dt.datetime) -> list[tuple[str, str]]:
    """(name, label) pairs for a select, each label with the zone's local time at `now`."""
    return [(name, zone_label(name, now)) for name in chooser_zone_names(available)]
