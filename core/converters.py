"""URL converters: an ISO date in the path (/day/2026-11-26/)."""

import datetime as dt


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> dt.date:
        return dt.date.fromisoformat(value)  # a ValueError makes the URL not match: a 404

    def to_url(self, value: dt.date | str) -> str:
        return value if isinstance(value, str) else value.isoformat()
