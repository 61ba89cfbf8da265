"""The facts of one person's day: the score's inputs and outputs in plain data, for storage and text."""

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple, Protocol

from core.astro.aspects import KIND_BY_NAME
from core.astro.points import degree_claimed
from core.astro.transits import DayReport, TransitEvent
from core.gcode.day_events import day_events, day_seasons, local_clock
from core.gcode.program import gcode_program
from core.gcode.score import ANGLES, Contact, gcode_score, intensity_level, leading, raw_total
from core.gcode.themes import day_themes


class NatalPoint(NamedTuple):
    """A natal point as the day's computation needs it (house None when the birth time is unknown)."""

    name: str
    longitude: float
    speed: float = 0.0  # natal points stand still for transits; kept so they can take part in aspects
    house: int | None = None


class ChartPlace(Protocol):
    """A point of a natal chart where it stands: a `ChartPoint`, or one read back from storage."""

    @property
    def name(self) -> str: ...
    @property
    def longitude(self) -> float: ...
    @property
    def house(self) -> int | None: ...


def transit_points(points: Iterable[ChartPlace], time_known: bool) -> list[NatalPoint]:
    """The natal points transits are measured against (standing still), each whose degree the chart claims."""
    return [NatalPoint(p.name, p.longitude, 0.0, p.house) for p in points if degree_claimed(p.name, time_known)]


def stored_transit_points(chart_json: Mapping[str, Any]) -> tuple[list[NatalPoint], bool]:
    """The transit points of a chart in its stored form (`chart_json.chart_as_dict`), and whether its time is known."""
    time_known = bool(chart_json["time_known"])
    points = (NatalPoint(p["name"], p["longitude"], 0.0, p["house"]) for p in chart_json["points"])
    return transit_points(points, time_known), time_known


@dataclass(frozen=True)
class TransitFact:
    transit: str
    natal: str
    kind: str
    nature: str  # harmonious, tense or neutral
    orb: float
    applying: bool
    exact_at: str | None  # local time of perfection, "HH:MM", when it perfects during the day
    retrograde: bool
    strength: float
    natal_house: int | None
    transit_longitude: float
    natal_longitude: float
    # Every local time of perfection in the day: an aspect can perfect twice (a planet leaving and
    # re-entering, a station on the point). Records stored before this have only exact_at.
    exact_times: list[str] = field(default_factory=list)

    @property
    def exact_clock(self) -> str | None:
        """The time(s) of perfection as the texts say them: "04:20" or "04:20 and 11:59"."""
        return " and ".join(self.exact_times) if self.exact_times else self.exact_at


@dataclass(frozen=True)
class DayFacts:
    """Everything the texts may say about a person's day; stored as JSON with the daily G-Code."""

    date: str
    zone: str
    time_known: bool
    score: int
    level: str
    themes: list[str]
    program: list[str]
    transits: list[TransitFact]  # the leading transits, strongest first
    moon: dict[str, Any]
    ingresses: list[dict[str, str]]
    stations: list[dict[str, str]]
    retrogrades: list[str]
    eclipses: list[dict[str, str]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)  # the day's timed events, earliest first
    seasons: list[dict[str, Any]] = field(default_factory=list)  # slow transits' windows
    total: float = 0.0  # the raw total the score squashes; each transit's share is strength / total

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DayFacts":
        return cls(**{**data, "transits": [TransitFact(**t) for t in data["transits"]]})


def contact_of(event: TransitEvent) -> Contact:
    return Contact(event.transit, event.natal, event.kind, event.orb, event.applying, event.transit_speed)


def transit_fact(event: TransitEvent, weight: float, natal: dict[str, NatalPoint], zone: str) -> TransitFact:
    point = natal[event.natal]
    return TransitFact(
        event.transit, event.natal, event.kind, KIND_BY_NAME[event.kind].nature, round(event.orb, 3),
        event.applying, local_clock(event.exact_at, zone), event.transit_retrograde, round(weight, 4),
        point.house, round(event.transit_longitude, 3), round(point.longitude, 3),
        [local_clock(instant, zone) for instant in event.perfections],
    )  # fmt: skip


def day_facts(report: DayReport, natal: list[NatalPoint], time_known: bool) -> DayFacts:
    """Score, level, themes, program and the sky's events of a day, from its transit report."""
    zone = report.zone
    by_name = {p.name: p for p in natal}
    events = {(e.transit, e.natal, e.kind): e for e in report.events}
    contacts = [contact_of(e) for e in report.events]
    score = gcode_score(contacts, time_known)
    counted = [e for e in report.events if time_known or e.natal not in ANGLES]
    top = [
        transit_fact(events[(c.transit, c.natal, c.kind)], weight, by_name, zone)
        for c, weight in leading(contacts, time_known)
    ]
    sky = report.sky
    moon = {
        "phase": sky.moon.phase, "sign": sky.moon.sign, "illumination": sky.moon.illumination,
        "longitude": round(sky.moon.longitude, 3),
        "exact_phase": sky.moon.exact_phase, "exact_phase_at": local_clock(sky.moon.exact_phase_at, zone),
    }  # fmt: skip
    ingresses = [{"body": i.body, "sign": i.sign, "at": local_clock(i.at, zone)} for i in sky.ingresses]
    stations = [{"body": s.body, "direction": s.direction, "at": local_clock(s.at, zone)} for s in sky.stations]
    eclipses = [{"kind": e.kind, "type": e.type, "at": local_clock(e.at, zone)} for e in sky.eclipses]
    return DayFacts(
        date=report.date.isoformat(), zone=zone, time_known=time_known, score=score, level=intensity_level(score),
        themes=day_themes(top, moon), program=gcode_program(top, moon, stations, list(sky.retrogrades)),
        transits=top, moon=moon, ingresses=ingresses, stations=stations, retrogrades=list(sky.retrogrades),
        eclipses=eclipses, events=day_events(report, counted),
        seasons=day_seasons(report, counted, {p.name: p.longitude for p in natal}),
        total=round(raw_total(contacts, time_known), 4),
    )  # fmt: skip
