"""Local birth time to UT with the zone's historical offsets, gaps and folds."""

import datetime as dt

import pytest

from core.astro.local_time import (
    AmbiguousLocalTime,
    LocalTimeError,
    NonexistentLocalTime,
    format_offset,
    to_universal_time,
)

H = 60  # minutes per hour

HISTORICAL = [
    # zone, local date, local time, UTC offset in minutes: why it is interesting
    ("Europe/London", dt.date(1944, 6, 6), dt.time(12, 0), 2 * H),  # British Double Summer Time
    ("Europe/London", dt.date(1944, 1, 15), dt.time(12, 0), 1 * H),  # wartime winter: BST all year
    ("Europe/London", dt.date(1970, 1, 15), dt.time(12, 0), 1 * H),  # British Standard Time 1968–71
    ("America/New_York", dt.date(1943, 1, 15), dt.time(12, 0), -4 * H),  # US War Time in winter
    ("America/Chicago", dt.date(1945, 8, 14), dt.time(18, 0), -5 * H),  # Peace Time, same offset as War Time
    ("Asia/Kolkata", dt.date(1990, 5, 1), dt.time(9, 0), 5 * H + 30),
    ("Asia/Kathmandu", dt.date(1990, 5, 1), dt.time(9, 0), 5 * H + 45),
    ("Asia/Kathmandu", dt.date(1985, 5, 1), dt.time(9, 0), 5 * H + 30),  # +05:30 until 1986
    ("Australia/Lord_Howe", dt.date(2020, 1, 15), dt.time(12, 0), 11 * H),  # 30-minute DST
    ("Australia/Lord_Howe", dt.date(2020, 7, 15), dt.time(12, 0), 10 * H + 30),
    ("Europe/Amsterdam", dt.date(1935, 1, 15), dt.time(12, 0), 20),  # Amsterdam Mean Time +00:19:32
    ("Asia/Singapore", dt.date(1980, 1, 15), dt.time(12, 0), 7 * H + 30),  # changed to +08 in 1982
    ("Asia/Singapore", dt.date(1990, 1, 15), dt.time(12, 0), 8 * H),
    ("Pacific/Apia", dt.date(2011, 12, 29), dt.time(12, 0), -10 * H),  # Samoa skipped 30 Dec 2011
    ("Pacific/Apia", dt.date(2011, 12, 31), dt.time(12, 0), 14 * H),
    ("Pacific/Chatham", dt.date(2020, 1, 15), dt.time(12, 0), 13 * H + 45),
]


@pytest.mark.parametrize(("zone", "date", "time", "minutes"), HISTORICAL)
def test_historical_offsets_are_applied(zone, date, time, minutes):
    resolved = to_universal_time(date, time, zone)

    assert round(resolved.offset.total_seconds() / 60) == minutes
    local = dt.datetime.combine(date, time)
    assert abs((local - resolved.utc.replace(tzinfo=None)) - resolved.offset) < dt.timedelta(seconds=1)


def test_a_time_in_a_dst_gap_is_refused_with_both_readings():
    with pytest.raises(NonexistentLocalTime) as caught:
        to_universal_time(dt.date(2026, 3, 8), dt.time(2, 30), "America/New_York")

    message = str(caught.value)
    assert "did not exist" in message
    assert "UTC-05:00 (= 07:30 UT)" in message
    assert "UTC-04:00 (= 06:30 UT)" in message


def test_a_gap_is_refused_even_with_a_fold_given():
    with pytest.raises(NonexistentLocalTime):
        to_universal_time(dt.date(1944, 4, 2), dt.time(2, 30), "Europe/London", fold=0)


def test_a_time_in_a_fold_asks_which_one():
    with pytest.raises(AmbiguousLocalTime) as caught:
        to_universal_time(dt.date(2026, 11, 1), dt.time(1, 30), "America/New_York")

    assert "happened twice" in str(caught.value)
    assert [r.utc.hour for r in caught.value.readings] == [5, 6]


@pytest.mark.parametrize(("fold", "utc_hour"), [(0, 5), (1, 6)])
def test_a_chosen_fold_gives_its_instant(fold, utc_hour):
    resolved = to_universal_time(dt.date(2026, 11, 1), dt.time(1, 30), "America/New_York", fold=fold)
    assert resolved.utc == dt.datetime(2026, 11, 1, utc_hour, 30, tzinfo=dt.UTC)


def test_an_unknown_time_is_read_as_local_noon():
    resolved = to_universal_time(dt.date(1990, 5, 1), None, "Asia/Kathmandu")

    assert not resolved.time_known
    assert resolved.utc == dt.datetime(1990, 5, 1, 6, 15, tzinfo=dt.UTC)


@pytest.mark.parametrize("zone", ["", "Mars/Olympus", "../etc/passwd"])
def test_unknown_zones_are_refused(zone):
    with pytest.raises(LocalTimeError):
        to_universal_time(dt.date(1990, 5, 1), dt.time(9), zone)


def test_offsets_are_formatted_with_sign_hours_and_minutes():
    assert format_offset(dt.timedelta(hours=5, minutes=45)) == "+05:45"
    assert format_offset(dt.timedelta(hours=-3, minutes=-30)) == "-03:30"
