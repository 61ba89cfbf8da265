"""Print a natal chart for any birth moment and place, for people and for scripts (--json).

It needs no account and touches no database: the same engine as the chart page.
"""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.astro.chart import ChartRequest, compute_natal_chart
from core.astro.chart_json import chart_as_dict
from core.astro.ephemeris import EphemerisError, Lilith, check_local_date
from core.astro.houses import HouseSystem, HouseSystemError
from core.astro.local_time import LocalTimeError, to_universal_time
from core.astro.places import PlaceError, check_coordinates, find_place, timezone_at
from core.astro.sidereal import Zodiac
from core.management.arguments import house_code, parse_date, parse_time


class Command(BaseCommand):
    help = "Compute and print a natal chart."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", required=True, type=parse_date, help="Birth date, YYYY-MM-DD.")
        parser.add_argument("--time", type=parse_time, help="Local birth time, HH:MM; omit if unknown.")
        parser.add_argument("--fold", type=int, choices=[0, 1], help="Which reading of a time that happened twice.")
        parser.add_argument("--place", help="Place name, e.g. 'London, United Kingdom'.")
        parser.add_argument("--lat", type=float, help="Latitude in degrees, north positive.")
        parser.add_argument("--lon", type=float, help="Longitude in degrees, east positive.")
        parser.add_argument("--tz", help="IANA timezone (default: from the place or coordinates).")
        parser.add_argument(
            "--houses", type=house_code, default=HouseSystem.PLACIDUS.value, help="House system (default Placidus)."
        )
        parser.add_argument(
            "--zodiac",
            choices=[z.value for z in Zodiac],
            default=Zodiac.TROPICAL.value,
            help="Zodiac (default tropical).",
        )
        parser.add_argument(
            "--lilith",
            choices=[x.value for x in Lilith if x],
            default=Lilith.NONE.value,
            help="Add mean or true Lilith.",
        )
        parser.add_argument("--south-node", action="store_true", help="Add the South Node.")
        parser.add_argument("--part-of-fortune", action="store_true", help="Add the Part of Fortune (needs --time).")
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options) -> None:
        try:
            latitude, longitude, zone = self.location(options)
            check_local_date(options["date"])
            resolved = to_universal_time(options["date"], options["time"], zone, options["fold"])
            request = ChartRequest(
                resolved.utc, latitude, longitude, resolved.time_known, options["houses"], zodiac=options["zodiac"],
                lilith=options["lilith"], south_node=options["south_node"], part_of_fortune=options["part_of_fortune"],
            )  # fmt: skip
            chart = compute_natal_chart(request)
        except (PlaceError, LocalTimeError, EphemerisError, HouseSystemError) as exc:
            raise CommandError(str(exc)) from exc
        data = chart_as_dict(chart, resolved)
        if options["json"]:
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            self.print_table(data)

    def location(self, options: dict) -> tuple[float, float, str]:
        if options["place"] is not None:
            if options["lat"] is not None or options["lon"] is not None:
                raise PlaceError("Give either --place or --lat and --lon, not both.")
            place = find_place(options["place"])
            return place.latitude, place.longitude, options["tz"] or place.timezone
        if options["lat"] is None or options["lon"] is None:
            raise PlaceError("Give --place NAME, or both --lat and --lon.")
        check_coordinates(options["lat"], options["lon"])
        return options["lat"], options["lon"], options["tz"] or timezone_at(options["lat"], options["lon"])

    def print_table(self, data: dict) -> None:
        self.stdout.write(f"UT {data['ut']}  {data['timezone']} (UTC{data['utc_offset']})  {data['zodiac']} zodiac")
        for point in data["points"]:
            retro = " R" if point["retrograde"] else ""
            house = f"  house {point['house']}" if point["house"] else ""
            self.stdout.write(f"{point['name']:<15} {point['position']:<20} {point['longitude']:>11.6f}{retro}{house}")
        if data["houses"]:
            cusps = "  ".join(f"{i + 1}:{c:.2f}" for i, c in enumerate(data["houses"]))
            self.stdout.write(f"Houses ({data['house_system']}): {cusps}")
        for aspect in data["aspects"]:
            motion = "applying" if aspect["applying"] else "separating"
            self.stdout.write(f"{aspect['first']} {aspect['kind']} {aspect['second']} ({aspect['orb']:.2f}°, {motion})")
        self.stdout.write(f"Dominant element: {data['dominant_element']}")
        for note in data["notes"]:
            self.stdout.write(f"Note: {note}")
