"""An independent search for the events of a day, on skyfield and JPL DE421.

Nothing here calls the engine: each body's apparent geocentric longitude (true ecliptic and
equinox of date) comes from skyfield on a ten-minute grid over the UT interval. Stations are the
turning points of a cubic fitted to the longitude over six hours, and are added to the body's
grid so that a degree passed twice near a turn is seen twice. Every crossing of a target (a sign
boundary, an aspect's degree, a lunar phase angle) found on the grid is timed again on a
ten-second grid, by linear interpolation. Lunar eclipses come from skyfield's eclipselib; a solar eclipse is a
new Moon within 1.5° of the ecliptic, timed at the least apparent separation of Sun and Moon.
"""

import datetime as dt
from dataclasses import dataclass

import numpy as np
from skyfield import eclipselib
from skyfield.framelib import ecliptic_frame

GRID_MINUTES = 10
FINE_STEPS = 60  # ten seconds apart inside a grid step
SIGN_NAMES = (
    "Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo",
    "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces",
)  # fmt: skip
TARGETS = {
    "Sun": "sun", "Moon": "moon", "Mercury": "mercury", "Venus": "venus", "Mars": "mars barycenter",
    "Jupiter": "jupiter barycenter", "Saturn": "saturn barycenter", "Uranus": "uranus barycenter",
    "Neptune": "neptune barycenter", "Pluto": "pluto barycenter",
}  # fmt: skip
LUNATIONS = {0.0: "New Moon", 90.0: "First Quarter", 180.0: "Full Moon", 270.0: "Last Quarter"}
LUNAR_ECLIPSE_TYPES = {0: "penumbral", 1: "partial", 2: "total"}
UNIX_EPOCH_JD = 2440587.5


@dataclass(frozen=True)
class Event:
    kind: str  # "ingress", "station", "lunation", "eclipse" or "perfection"
    what: tuple  # what happened, e.g. ("Mercury", "Aquarius") or ("Moon", "square", "Sun")
    at: dt.datetime  # UT


def julian_day(instant: dt.datetime) -> float:
    return UNIX_EPOCH_JD + instant.timestamp() / 86400.0


def instant(jd: float) -> dt.datetime:
    return dt.datetime.fromtimestamp((jd - UNIX_EPOCH_JD) * 86400.0, dt.UTC)


def wrapped(degrees: np.ndarray) -> np.ndarray:
    """Into [-180, 180)."""
    return (degrees + 180.0) % 360.0 - 180.0


class Sky:
    """Apparent longitudes from skyfield for one UT interval."""

    def __init__(self, skyfield, start: dt.datetime, end: dt.datetime):
        self.timescale, self.eph = skyfield
        self.start, self.end = julian_day(start), julian_day(end)
        steps = round((self.end - self.start) * 1440 / GRID_MINUTES)
        self.grid = np.linspace(self.start, self.end, steps + 1)
        self.longitudes = {body: self.longitude(body, self.grid) for body in TARGETS}
        self.turns = {body: self.turning_points(body) for body in list(TARGETS)[2:]}
        self.tracks = {body: self.track(body) for body in TARGETS}

    def longitude(self, body: str, jds: np.ndarray) -> np.ndarray:
        t = self.timescale.ut1_jd(jds)
        apparent = self.eph["earth"].at(t).observe(self.eph[TARGETS[body]]).apparent()
        return apparent.frame_latlon(ecliptic_frame)[1].degrees

    def track(self, body: str) -> tuple[np.ndarray, np.ndarray]:
        """The body's grid with its turning points added."""
        turns = np.array(self.turns.get(body, []))
        if not len(turns):
            return self.grid, self.longitudes[body]
        times = np.sort(np.concatenate([self.grid, turns]))
        return times, self.longitude(body, times)

    @staticmethod
    def crossings(times: np.ndarray, values: np.ndarray, refine) -> list[float]:
        """Where a wrapped quantity changes sign between neighbours (not across a ±180° wrap), refined."""
        found = []
        for i in np.nonzero((values[:-1] < 0) != (values[1:] < 0))[0]:
            if abs(values[i] - values[i + 1]) < 90.0:
                found.append(refine(times[i], times[i + 1]))
        return found

    def passes(self, body: str, target: float) -> list[float]:
        """Every time the body's longitude passes `target` in the interval."""

        def refine(lo: float, hi: float) -> float:
            fine = np.linspace(lo, hi, FINE_STEPS + 1)
            return interpolated_root(fine, wrapped(self.longitude(body, fine) - target))

        times, values = self.tracks[body]
        return self.crossings(times, wrapped(values - target), refine)

    def elongation(self, jds: np.ndarray | None = None) -> np.ndarray:
        if jds is None:
            return self.longitudes["Moon"] - self.longitudes["Sun"]
        return self.longitude("Moon", jds) - self.longitude("Sun", jds)

    def lunations(self) -> list[Event]:
        found = []
        for angle, name in LUNATIONS.items():

            def refine(lo: float, hi: float, a: float = angle) -> float:
                fine = np.linspace(lo, hi, FINE_STEPS + 1)
                return interpolated_root(fine, wrapped(self.elongation(fine) - a))

            roots = self.crossings(self.grid, wrapped(self.elongation() - angle), refine)
            found += [Event("lunation", (name,), instant(jd)) for jd in roots]
        return found

    def turning_points(self, body: str) -> list[float]:
        speed = np.gradient(np.unwrap(self.longitudes[body], period=360.0))
        turns = [self.turning_point(body, self.grid[i]) for i in np.nonzero((speed[:-1] < 0) != (speed[1:] < 0))[0]]
        return [turn for turn in turns if self.start <= turn < self.end]

    def stations(self) -> list[Event]:
        found = []
        for body, turns in self.turns.items():
            for turn in turns:
                at_turn, after = self.longitude(body, np.array([turn, turn + 0.05]))
                direction = "retrograde" if wrapped(after - at_turn) < 0 else "direct"
                found.append(Event("station", (body, direction), instant(turn)))
        return found

    def turning_point(self, body: str, near: float) -> float:
        """Where a cubic fitted to the longitude over six hours around `near` has zero slope."""
        hours = np.linspace(-3.0, 3.0, 73)
        values = np.unwrap(self.longitude(body, near + hours / 24.0), period=360.0)
        slope = np.polynomial.Polynomial.fit(hours, values - values[36], 3).convert().deriv()
        roots = [r.real for r in slope.roots() if abs(r.imag) < 1e-12 and -3.0 <= r.real <= 3.0]
        return near + min(roots, key=abs) / 24.0

    def ingresses(self) -> list[Event]:
        found = []
        for body in TARGETS:
            for boundary in range(0, 360, 30):
                for jd in self.passes(body, float(boundary)):
                    after = self.longitude(body, np.array([jd + 1 / 1440]))[0]
                    found.append(Event("ingress", (body, SIGN_NAMES[int(after % 360 // 30)]), instant(jd)))
        return found

    def eclipses(self) -> list[Event]:
        t0, t1 = self.timescale.ut1_jd(self.start), self.timescale.ut1_jd(self.end)
        times, codes, _ = eclipselib.lunar_eclipses(t0, t1, self.eph)
        found = [
            Event("eclipse", ("lunar", LUNAR_ECLIPSE_TYPES[int(code)]), t.utc_datetime())
            for t, code in zip(times, codes, strict=True)
        ]
        for new_moon in self.passes_of_elongation(0.0):
            t = self.timescale.ut1_jd(new_moon)
            moon = self.eph["earth"].at(t).observe(self.eph["moon"]).apparent()
            if abs(moon.frame_latlon(ecliptic_frame)[0].degrees) < 1.5:
                found.append(Event("eclipse", ("solar",), instant(self.least_separation(new_moon))))
        return found

    def passes_of_elongation(self, angle: float) -> list[float]:
        return [julian_day(e.at) for e in self.lunations() if e.what == (LUNATIONS[angle],)]

    def least_separation(self, near: float) -> float:
        """Greatest solar eclipse: the least apparent separation of Sun and Moon from the Earth's centre."""
        jds = near + np.linspace(-3.0, 3.0, 3601) / 24.0
        t = self.timescale.ut1_jd(jds)
        earth = self.eph["earth"].at(t)
        sun, moon = earth.observe(self.eph["sun"]).apparent(), earth.observe(self.eph["moon"]).apparent()
        return float(jds[np.argmin(sun.separation_from(moon).degrees)])


def interpolated_root(jds: np.ndarray, values: np.ndarray) -> float:
    """The sign change of `values` on a fine grid, by linear interpolation between its neighbours."""
    i = int(np.nonzero((values[:-1] < 0) != (values[1:] < 0))[0][0])
    a, b = values[i], values[i + 1]
    return float(jds[i] + (jds[i + 1] - jds[i]) * a / (a - b))


def perfections(sky: Sky, natal: dict[str, float], aspects: dict[str, float]) -> list[Event]:
    """Every transit-to-natal perfection in the interval, for the given natal longitudes and aspect angles."""
    found = []
    for body in TARGETS:
        for point, longitude in natal.items():
            for kind, angle in aspects.items():
                targets = {longitude + angle} | ({longitude - angle} if 0 < angle < 180 else set())
                for target in targets:
                    found += [Event("perfection", (body, kind, point), instant(jd)) for jd in sky.passes(body, target)]
    return found
