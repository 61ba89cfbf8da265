"""The timezone chooser's list: canonical names only, each with its clock at a given instant."""

import datetime as dt

from core.astro.zones import chooser_zone_names, zone_choices, zone_label

NOON_UTC = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)


def test_only_area_city_names_and_utc_are_offered():
    names = chooser_zone_names(
        ["Europe/Lisbon", "US/Eastern", "Etc/GMT+3", "posix/Asia/Tokyo", "UTC", "GMT", "Asia/Tokyo"]
    )
    assert names == ["UTC", "Asia/Tokyo", "Europe/Lisbon"]


def test_each_label_shows_the_local_clock_and_offset_at_the_instant():
    assert zone_label("Asia/Kathmandu", NOON_UTC) == "Asia/Kathmandu 17:45 UTC+5:45"
    assert zone_label("America/Sao_Paulo", NOON_UTC) == "America/Sao Paulo 09:00 UTC-3"
    assert zone_label("Europe/London", dt.datetime(2026, 7, 15, 12, 0, tzinfo=dt.UTC)) == "Europe/London 13:00 UTC+1"


def test_choices_pair_each_name_with_its_label():
    assert zone_choices(["Asia/Tokyo"], NOON_UTC) == [
        ("UTC", "UTC 12:00 UTC+0"),
        ("Asia/Tokyo", "Asia/Tokyo 21:00 UTC+9"),
    ]
