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
