"""Command-line argument types the management commands share: dates, clock times and house systems."""

import argparse
import datetime as dt

from core.astro.houses import HOUSE_SYSTEMS, HouseSystem

# "whole-sign", "placidus" …: a house system by name, beside its one-letter code.
SYSTEM_BY_NAME: dict[str, HouseSystem] = {system.label.lower().replace(" ", "-"): system for system in HouseSystem}


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a date in the form YYYY-MM-DD.") from None


def parse_time(value: str) -> dt.time:
    try:
        return dt.datetime.strptime(value, "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a time in the form HH:MM.") from None


def house_code(value: str) -> str:
    """A house system's code from its code ("W") or its name ("whole-sign")."""
    if value in HOUSE_SYSTEMS:
        return value
    system = SYSTEM_BY_NAME.get(value.lower())
    if system is None:
        raise argparse.ArgumentTypeError(f"Unknown house system “{value}”; use one of {', '.join(SYSTEM_BY_NAME)}.")
    return system.value
