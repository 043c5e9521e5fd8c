"""The schedule engine on small hand-built crossings: days, hours, dated rows, midnight joins,
ports closed at night, DST days, the next window over weekends and year end, and properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.crossings import WEEKDAYS, Crossing, load_crossings
from tui.core.schedule import (
    dated_schedule,
    flagpoling_open,
    flagpoling_windows,
    local,
    next_window,
    port_hours_known,
    port_open,
    port_windows,
    time_left,
    window_end,
)

from .harness import TEST_DATA

SRC = {"source": "https://example.org/source", "as_of": date(2025, 1, 1)}
TORONTO = ZoneInfo("America/Toronto")
ALL_DAY = {"start": "00:00", "end": "24:00"}
MON_THU = ["mon", "tue", "wed", "thu"]


def make(port_hours=None, flagpoling=None, tz="America/Toronto", cid="test-port") -> Crossing:
    """A crossing with the given rows (each row gets a source); port hours default to 24 h."""
    if port_hours is None:
        port_hours = [ALL_DAY]
    return Crossing.model_validate(
        {
            "id": cid,
            "name": "Test Port",
            "province": "ON",
            "us_port": "Testville",
            "us_state": "NY",
            "timezone": tz,
            "location": {"lat": 45.0, "lon": -75.0, **SRC},
            "port_hours": [{**row, **SRC} for row in port_hours],
            "flagpoling": [{**row, **SRC} for row in (flagpoling or [])],
        }
    )


def span(start: datetime, end: datetime) -> timedelta:
    """Elapsed time (Python subtracts datetimes sharing a tzinfo by wall clock, so use UTC)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def t(text: str) -> datetime:
    """A naive (crossing-local) moment."""
    return datetime.fromisoformat(text)


# Ports: 24 h; closed at night; an unknown-hours period; a dated change of hours.
H24 = make()
NIGHT_CLOSED = make([{"start": "08:00", "end": "24:00"}])
HOURS_CHANGE = make(
    [
        {"until": date(2025, 1, 6), **ALL_DAY},
        {"from": date(2025, 1, 6), "start": "06:00", "end": "22:00"},
    ]
)
UNKNOWN_BEFORE = make([{"from": date(2025, 1, 6), "start": "06:00", "end": "22:00"}])
WEEKDAYS_ONLY = make([{"days": ["mon", "tue", "wed", "thu", "fri"], **ALL_DAY}])


@pytest.mark.parametrize(
    ("crossing", "at", "expected"),
    [
        (H24, "2025-03-03T00:00", True),
        (H24, "2025-03-03T23:59:59", True),
        (NIGHT_CLOSED, "2025-03-03T07:59", False),
        (NIGHT_CLOSED, "2025-03-03T08:00", True),
        (NIGHT_CLOSED, "2025-03-03T23:59", True),
        (NIGHT_CLOSED, "2025-03-04T00:00", False),
        (NIGHT_CLOSED, "2025-03-04T03:00", False),
        (HOURS_CHANGE, "2025-01-05T23:00", True),  # Sunday, still 24 h
        (HOURS_CHANGE, "2025-01-06T05:59", False),  # Monday, new hours
        (HOURS_CHANGE, "2025-01-06T06:00", True),
        (HOURS_CHANGE, "2025-01-06T21:59", True),
        (HOURS_CHANGE, "2025-01-06T22:00", False),
        (UNKNOWN_BEFORE, "2025-01-05T03:00", True),  # no row in force: assumed open
        (UNKNOWN_BEFORE, "2025-01-06T03:00", False),
        (WEEKDAYS_ONLY, "2025-03-07T23:59", True),  # Friday
        (WEEKDAYS_ONLY, "2025-03-08T12:00", False),  # Saturday: rows in force, none match
    ],
)
def test_port_open(crossing, at, expected):
    assert port_open(crossing, t(at)) is expected


@pytest.mark.parametrize(
    ("crossing", "day", "known"),
    [
        (UNKNOWN_BEFORE, date(2025, 1, 5), False),
        (UNKNOWN_BEFORE, date(2025, 1, 6), True),
        (HOURS_CHANGE, date(2025, 1, 5), True),
        (WEEKDAYS_ONLY, date(2025, 3, 8), True),
    ],
)
def test_port_hours_known(crossing, day, known):
    assert port_hours_known(crossing, day) is known


# Flagpoling: no rows = whenever the port is open; dated rows; rows cut by port hours.
NIAGARA_LIKE = make(
    flagpoling=[
        {"from": date(2017, 6, 16), "until": date(2024, 5, 30), "days": ["tue", "wed", "thu"]},
        {"from": date(2024, 5, 30), "days": ["tue", "wed", "thu"], "start": "08:00", "end": "24:00"},
    ]
)
PACIFIC_LIKE = make(
    [{"start": "08:00", "end": "24:00"}],
    [{"from": date(2024, 5, 30), "days": MON_THU, "start": "07:00", "end": "16:00"}],
    tz="America/Vancouver",
)


@pytest.mark.parametrize(
    ("crossing", "at", "expected"),
    [
        (NIAGARA_LIKE, "2017-06-09T10:00", True),  # Friday before the pilot: no schedule
        (NIAGARA_LIKE, "2017-06-16T10:00", False),  # first Friday of the pilot
        (NIAGARA_LIKE, "2017-06-20T03:00", True),  # Tuesday, any hour
        (NIAGARA_LIKE, "2024-05-29T03:00", True),  # Wednesday, old rule
        (NIAGARA_LIKE, "2024-05-30T03:00", False),  # Thursday, new hours
        (NIAGARA_LIKE, "2024-05-30T08:00", True),
        (NIAGARA_LIKE, "2024-05-30T23:59", True),
        (NIAGARA_LIKE, "2024-05-31T00:00", False),
        (NIAGARA_LIKE, "2025-03-03T10:00", False),  # Monday
        (NIAGARA_LIKE, "2025-03-04T10:00", True),  # Tuesday
        # The port's own hours cut a schedule that starts before the port opens.
        (PACIFIC_LIKE, "2024-05-29T07:30", False),  # port closed, no schedule yet
        (PACIFIC_LIKE, "2024-05-29T20:00", True),  # no schedule: whenever the port is open
        (PACIFIC_LIKE, "2024-05-30T07:30", False),  # schedule says 07:00, port opens 08:00
        (PACIFIC_LIKE, "2024-05-30T08:00", True),
        (PACIFIC_LIKE, "2024-05-30T15:59", True),
        (PACIFIC_LIKE, "2024-05-30T16:00", False),
        (PACIFIC_LIKE, "2024-05-31T10:00", False),  # Friday
    ],
)
def test_flagpoling_open(crossing, at, expected):
    assert flagpoling_open(crossing, t(at)) is expected
    if expected:
        assert port_open(crossing, t(at))


def test_dated_schedule():
    assert not dated_schedule(NIAGARA_LIKE, date(2017, 6, 15))
    assert dated_schedule(NIAGARA_LIKE, date(2017, 6, 16))
    assert dated_schedule(NIAGARA_LIKE, date(2024, 5, 31))  # Friday: schedule in force, no window
    assert not dated_schedule(H24, date(2025, 1, 1))


def test_aware_moments_are_converted_to_the_crossing_zone():
    # 15:00 UTC is 10:00 in Toronto (EST) on a Tuesday, 07:00 in Vancouver.
    moment = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
    assert flagpoling_open(NIAGARA_LIKE, moment)
    vancouver = make(flagpoling=[{"days": MON_THU, "start": "10:00", "end": "14:00"}],
                     tz="America/Vancouver")
    assert not flagpoling_open(vancouver, moment)
    assert flagpoling_open(vancouver, moment + timedelta(hours=3))


def test_local_naive_is_crossing_time_and_aware_is_converted():
    naive = local(H24, t("2025-07-01T10:00"))
    assert naive == datetime(2025, 7, 1, 10, 0, tzinfo=TORONTO)
    assert naive.utcoffset() == timedelta(hours=-4)
    aware = local(H24, datetime(2025, 7, 1, 10, 0, tzinfo=UTC))
    assert (aware.hour, aware.utcoffset()) == (6, timedelta(hours=-4))
    assert aware.tzinfo == TORONTO
    # 02:30 does not exist on the spring-forward day: it moves forward by the gap.
    gap = local(H24, t("2025-03-09T02:30"))
    assert (gap.hour, gap.minute, gap.utcoffset()) == (3, 30, timedelta(hours=-4))


# --- window end: 24:00, joins across midnight, 24 h ports ---------------------------------------

JOINED = make(
    flagpoling=[
        {"days": MON_THU, "start": "18:00", "end": "24:00"},
        {"days": ["tue", "wed", "thu", "fri"], "start": "00:00", "end": "02:00"},
    ]
)


@pytest.mark.parametrize(
    ("crossing", "at", "end"),
    [
        (NIAGARA_LIKE, "2025-03-04T10:00", "2025-03-05T00:00-05:00"),  # ends at 24:00
        (NIAGARA_LIKE, "2025-03-04T07:00", None),  # not open
        (NIAGARA_LIKE, "2024-05-28T10:00", "2024-05-30T00:00-04:00"),  # old rule: Tue+Wed joined
        (NIAGARA_LIKE, "2023-05-30T10:00", "2023-06-02T00:00-04:00"),  # Tue–Thu joined, 72 h
        (JOINED, "2025-03-03T19:00", "2025-03-04T02:00-05:00"),  # joined across midnight
        (JOINED, "2025-03-04T01:00", "2025-03-04T02:00-05:00"),
        (JOINED, "2025-03-06T23:00", "2025-03-07T02:00-05:00"),  # Thu 18:00 → Fri 02:00
        (NIGHT_CLOSED, "2025-03-03T09:00", "2025-03-04T00:00-05:00"),  # port closes at midnight
        (H24, "2025-03-03T09:00", None),  # never ends within the search
        (PACIFIC_LIKE, "2024-05-30T09:00", "2024-05-30T16:00-07:00"),
    ],
)
def test_window_end(crossing, at, end):
    result = window_end(crossing, t(at))
    if end is None:
        assert result is None
    else:
        assert result == datetime.fromisoformat(end)
        assert result.isoformat() == datetime.fromisoformat(end).isoformat()  # crossing-local


# --- next window: weekends, year end, when open, horizon ---------------------------------------

BOUNDARY_LIKE = make(
    flagpoling=[{"from": date(2024, 5, 30), "days": MON_THU, "start": "10:00", "end": "14:00"}],
    tz="America/Vancouver",
)


@pytest.mark.parametrize(
    ("crossing", "after", "expected"),
    [
        # Over a weekend (and over the spring DST change on Sunday 2025-03-09).
        (BOUNDARY_LIKE, "2025-03-06T17:00", "2025-03-10T10:00-07:00"),
        (BOUNDARY_LIKE, "2025-02-27T14:00", "2025-03-03T10:00-08:00"),  # ends 14:00 exclusive
        (BOUNDARY_LIKE, "2025-03-03T09:59", "2025-03-03T10:00-08:00"),
        (NIAGARA_LIKE, "2025-03-07T09:00", "2025-03-11T08:00-04:00"),  # Fri → Tue, after DST
        (NIAGARA_LIKE, "2025-02-28T09:00", "2025-03-04T08:00-05:00"),
        # Over year end.
        (BOUNDARY_LIKE, "2025-12-25T20:00", "2025-12-29T10:00-08:00"),
        (BOUNDARY_LIKE, "2025-12-31T15:00", "2026-01-01T10:00-08:00"),
        (BOUNDARY_LIKE, "2026-01-01T15:00", "2026-01-05T10:00-08:00"),
        (NIAGARA_LIKE, "2025-12-26T12:00", "2025-12-30T08:00-05:00"),
        # Open now: the next *new* window after the current one ends.
        (NIAGARA_LIKE, "2025-12-31T10:00", "2026-01-01T08:00-05:00"),
        (BOUNDARY_LIKE, "2025-03-03T10:00", "2025-03-04T10:00-08:00"),
        (JOINED, "2025-03-03T23:00", "2025-03-04T18:00-05:00"),
        # Across the effective date of a schedule: before 2024-05-30 no schedule, port 24 h.
        (NIAGARA_LIKE, "2024-05-24T12:00", "2024-05-28T00:00-04:00"),
        # A port closed at night with no schedule: opens at 08:00.
        (NIGHT_CLOSED, "2025-03-04T02:00", "2025-03-04T08:00-05:00"),
        (NIGHT_CLOSED, "2025-03-04T09:00", "2025-03-05T08:00-05:00"),
    ],
)
def test_next_window(crossing, after, expected):
    result = next_window(crossing, t(after))
    assert result is not None
    assert result.isoformat() == datetime.fromisoformat(expected).isoformat()


def test_next_window_none_when_open_around_the_clock():
    assert next_window(H24, t("2025-03-03T10:00")) is None


def test_next_window_searches_only_the_given_days():
    # Port open 01:00–24:00; until 03-25 the only schedule row (Mon 00:00–00:30) falls while the
    # port is closed, so there is no window at all before the 10:00–11:00 rows from 03-25.
    later = make(
        [{"start": "01:00", "end": "24:00"}],
        [
            {"until": date(2025, 3, 25), "days": ["mon"], "start": "00:00", "end": "00:30"},
            {"from": date(2025, 3, 25), "start": "10:00", "end": "11:00"},
        ],
    )
    after = t("2025-03-03T12:00")
    assert next_window(later, after, days=14) is None
    assert next_window(later, after, days=30) == datetime(2025, 3, 25, 10, 0, tzinfo=TORONTO)


# --- DST days ------------------------------------------------------------------------------------

SPRING = date(2025, 3, 9)  # America/Toronto and America/Vancouver spring forward at 02:00
AUTUMN = date(2025, 11, 2)  # and fall back at 02:00
EARLY = make(flagpoling=[{"days": ["sun"], "start": "00:00", "end": "03:00"}])
IN_GAP = make(flagpoling=[{"days": ["sun"], "start": "02:00", "end": "03:00"}])
REPEATED = make(flagpoling=[{"days": ["sun"], "start": "01:00", "end": "02:00"}])
DAILY = make(flagpoling=[{"start": "08:00", "end": "24:00"}])


def test_spring_window_is_an_hour_shorter():
    (start, end), = flagpoling_windows(EARLY, SPRING)
    assert span(start, end) == timedelta(hours=2)
    assert end.isoformat() == "2025-03-09T03:00:00-04:00"
    assert window_end(EARLY, t("2025-03-09T00:30")) == end
    assert flagpoling_open(EARLY, datetime(2025, 3, 9, 6, 59, tzinfo=UTC))  # 01:59 EST
    assert not flagpoling_open(EARLY, datetime(2025, 3, 9, 7, 0, tzinfo=UTC))  # 03:00 EDT


def test_time_left_is_real_elapsed_time_on_dst_days():
    # 00:30 EST to 03:00 EDT is 1 h 30 min (wall clocks would say 2 h 30 min).
    assert time_left(EARLY, t("2025-03-09T00:30")) == timedelta(hours=1, minutes=30)
    # 01:30 EDT (first pass) to 02:00 EST is 1 h 30 min on the fall-back day.
    assert time_left(REPEATED, t("2025-11-02T01:30")) == timedelta(hours=1, minutes=30)
    assert time_left(REPEATED, t("2025-11-02T01:30").replace(fold=1)) == timedelta(minutes=30)
    assert time_left(EARLY, t("2025-03-09T04:00")) is None  # closed
    assert time_left(H24, t("2025-03-09T04:00")) is None  # never ends


def test_spring_window_inside_the_gap_does_not_exist():
    assert flagpoling_windows(IN_GAP, SPRING) == []
    assert flagpoling_windows(IN_GAP, date(2025, 3, 16)) != []
    assert next_window(IN_GAP, t("2025-03-08T12:00")) == datetime(2025, 3, 16, 2, 0, tzinfo=TORONTO)


def test_autumn_repeated_hour_is_covered_twice():
    (start, end), = flagpoling_windows(REPEATED, AUTUMN)
    assert span(start, end) == timedelta(hours=2)
    first = datetime(2025, 11, 2, 5, 30, tzinfo=UTC)  # 01:30 EDT
    second = datetime(2025, 11, 2, 6, 30, tzinfo=UTC)  # 01:30 EST
    assert flagpoling_open(REPEATED, first) and flagpoling_open(REPEATED, second)
    assert not flagpoling_open(REPEATED, datetime(2025, 11, 2, 7, 0, tzinfo=UTC))  # 02:00 EST
    assert window_end(REPEATED, first).isoformat() == "2025-11-02T02:00:00-05:00"
    assert flagpoling_open(REPEATED, t("2025-11-02T01:30").replace(fold=1))


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("2025-03-08T23:00", "2025-03-09T08:00:00-04:00"),  # spring
        ("2025-11-01T23:00", "2025-11-02T08:00:00-05:00"),  # autumn
    ],
)
def test_daily_window_on_dst_days_opens_at_local_time(after, expected):
    assert next_window(DAILY, t(after)).isoformat() == expected
    start = datetime.fromisoformat(expected)
    end = window_end(DAILY, start)
    assert (end.date(), end.hour, end.minute) == (start.date() + timedelta(days=1), 0, 0)
    (s, e), = flagpoling_windows(DAILY, start.date())
    assert span(s, e) == timedelta(hours=16)


def test_full_day_on_dst_days_lasts_23_and_25_hours():
    (s, e), = port_windows(H24, SPRING)
    assert span(s, e) == timedelta(hours=23)
    (s, e), = port_windows(H24, AUTUMN)
    assert span(s, e) == timedelta(hours=25)


def test_regina_has_no_dst():
    regina = make(flagpoling=[{"days": MON_THU, "start": "10:00", "end": "11:00"}],
                  tz="America/Regina")
    winter = next_window(regina, t("2025-01-05T12:00"))
    summer = next_window(regina, t("2025-07-06T12:00"))
    assert winter.utcoffset() == summer.utcoffset() == timedelta(hours=-6)


# --- properties ----------------------------------------------------------------------------------

MOMENTS = st.datetimes(
    min_value=datetime(2016, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
HHMM = st.integers(0, 48).map(lambda half_hours: f"{half_hours // 2:02d}:{half_hours % 2 * 30:02d}")


@st.composite
def rows(draw, max_rows=3):
    out = []
    for _ in range(draw(st.integers(0, max_rows))):
        row: dict = {}
        days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
        row["days"] = days
        if draw(st.booleans()):
            a, b = sorted(draw(st.lists(HHMM, min_size=2, max_size=2, unique=True)))
            row["start"], row["end"] = a, b
        if draw(st.booleans()):
            row["from"] = draw(st.dates(date(2016, 1, 1), date(2027, 12, 31)))
        if draw(st.booleans()):
            start = row.get("from", date(2015, 12, 1))
            row["until"] = start + timedelta(days=draw(st.integers(1, 900)))
        out.append(row)
    return out


RANDOM_CROSSINGS = st.builds(
    lambda ph, fp, tz: make(ph, fp, tz),
    rows(),
    rows(),
    st.sampled_from(["America/Toronto", "America/Vancouver", "America/Regina", "America/Moncton"]),
)


def _real_crossings():
    return list(load_crossings(TEST_DATA / "crossings.toml").crossings.values())


CROSSINGS = st.one_of(st.sampled_from(_real_crossings()), RANDOM_CROSSINGS)
PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(CROSSINGS, MOMENTS)
def test_flagpoling_open_implies_port_open(crossing, moment):
    if flagpoling_open(crossing, moment):
        assert port_open(crossing, moment)


@PROPERTY_SETTINGS
@given(CROSSINGS, MOMENTS)
def test_next_window_starts_after_the_moment_and_is_open(crossing, moment):
    start = next_window(crossing, moment)
    if start is None:
        return
    assert start > moment
    assert start.tzinfo == crossing.tz
    assert flagpoling_open(crossing, start)
    assert port_open(crossing, start)
    assert not flagpoling_open(crossing, start.astimezone(UTC) - timedelta(seconds=1))
    if not flagpoling_open(crossing, moment):
        middle = moment + (start - moment) / 2
        assert not flagpoling_open(crossing, middle)


@PROPERTY_SETTINGS
@given(CROSSINGS, MOMENTS)
def test_window_end_is_the_first_closed_moment(crossing, moment):
    end = window_end(crossing, moment)
    if not flagpoling_open(crossing, moment):
        assert end is None
        return
    if end is None:
        return
    assert end > moment
    assert flagpoling_open(crossing, end.astimezone(UTC) - timedelta(seconds=1))
    assert not flagpoling_open(crossing, end)
    middle = moment + (end - moment) / 2
    assert flagpoling_open(crossing, middle)
