"""Birth places offline: timezone boundaries from coordinates."""

import tzfpy


class PlaceError(ValueError):
    """A place or coordinate that cannot be used, with a message for a person."""


def check_coordinates(latitude: float, longitude: float) -> None:
    """Raise PlaceError unless latitude is in [-90, 90] and longitude in [-180, 180]."""
    if not -90.0 <= latitude <= 90.0:
        raise PlaceError(f"Latitude {latitude} is out of range: it must lie between -90 and 90.")
    if not -180.0 <= longitude <= 180.0:
        raise PlaceError(f"Longitude {longitude} is out of range: it must lie between -180 and 180.")


def timezone_at(latitude: float, longitude: float) -> str:
    """The IANA zone in force at a point, from timezone-boundary data (offshore: Etc/GMT±N)."""
    check_coordinates(latitude, longitude)
    return tzfpy.get_tz(longitude, latitude)
