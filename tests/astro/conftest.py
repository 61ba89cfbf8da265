"""Skyfield with the JPL DE421 ephemeris shipped by skyfield-data: the independent reference."""

import warnings

import pytest


@pytest.fixture(scope="session")
def skyfield():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # skyfield-data's Earth-orientation file "expired"
        import skyfield_data
        from skyfield.api import Loader

        loader = Loader(skyfield_data.get_skyfield_data_path(), expire=False)
        timescale = loader.timescale(builtin=True)
        ephemeris = loader("de421.bsp")
    return timescale, ephemeris


def as_ut1(timescale, instant):
    """Skyfield time for an instant read as UT1, as the Swiss Ephemeris reads its UT."""
    seconds = instant.second + instant.microsecond / 1e6
    return timescale.ut1(instant.year, instant.month, instant.day, instant.hour, instant.minute, seconds)
