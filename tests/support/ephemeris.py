"""The process-wide ephemeris switched for one test."""

from core.astro import ephemeris


def use_ephemeris(path: str):
    """Switch the process-wide ephemeris for one test, then put the previous one back."""
    previous = ephemeris.source()
    source = ephemeris.configure(path)
    yield source
    ephemeris.configure(previous.path)
