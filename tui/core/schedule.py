"""When a crossing's port is open and when it offers flagpoling. Pure functions, no I/O.

Semantics are those of ``data/README.md``:

- A row (port hours or flagpoling) is *in force* on a crossing-local date ``d`` when
  ``from <= d < until``. Rows apply by the local calendar date.
- The port is open at a moment when an in-force ``port_hours`` row matches the local weekday and
  ``start <= local time < end``. A date with no ``port_hours`` row in force is treated as open all
  day, but *unknown* (``port_hours_known`` says so).
- Flagpoling: with no ``flagpoling`` row in force on ``d``, it is offered whenever the port is
  open. With rows in force, only while the port is open *and* a row matches (weekday, and time
  when the row has one).
- The US side: a crossing may record the hours of the US port facing it (``us_port_hours``, in
  the Canadian port's local time). With no such row in force on ``d`` the US side is taken to be
  open whenever the Canadian port is.
- Flagpoling by appointment: a dated mark (``flagpoling_by_appointment``) in force on ``d``.
- Windows touching at midnight (…–24:00 then 00:00–…) are one window: a 24-hour port does not
  "close" at midnight.

How times are computed: for each local date the windows are built as local wall-clock
datetimes in the crossing's zone (zoneinfo) and compared in UTC. So a window on a DST day has its
true length (00:00–03:00 on the spring-forward day lasts 2 hours; 01:00–02:00 on the fall-back day
lasts 2 hours and covers both 01:xx), and a moment is matched against the rows of its own local
date.

Datetimes: an aware datetime is converted to the crossing's zone; a naive one is read as the
crossing's local wall time (a wall time that does not exist, in the spring gap, is moved forward
by the gap, as zoneinfo does: 02:30 → 03:30). Every datetime returned is aware, in the
crossing's zone.

Caution for callers: Python subtracts two datetimes that share a tzinfo by *wall clock*, so on a
DST day ``window_end(c, at) - local(c, at)`` is off by an hour. Measure durations in UTC:
``end.astimezone(UTC) - at.astimezone(UTC)`` (or use ``time_left``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover - the schedule reads validated or cached data alike
    from tui.core.crossings import Crossing, DatedMark, Window

SEARCH_DAYS = 14
"""How far ahead ``window_end`` looks for the end of an open window, in days."""

_Span = tuple[datetime, datetime]  # aware UTC, start inclusive, end exclusive
_MinutesOf = Callable[["Crossing", date], list[tuple[int, int]]]  # local (start, end) minutes of a day


def local(crossing: Crossing, at: datetime) -> datetime:
    """``at`` as an aware datetime in the crossing's zone.

    Naive = the crossing's local wall time (``fold`` is honoured for the repeated autumn hour;
    a wall time inside the spring gap moves forward by the gap). Aware = the same instant.
    """
    tz = crossing.tz
    if at.tzinfo is None:
        at = at.replace(tzinfo=tz)
    return at.astimezone(UTC).astimezone(tz)


def port_hours_known(crossing: Crossing, d: date) -> bool:
    """True when the data has port hours in force on local date ``d``.

    False means the port is *assumed* open all day on ``d`` because nothing says otherwise.
    """
    return any(row.in_force(d) for row in crossing.port_hours)


def dated_schedule(crossing: Crossing, d: date) -> bool:
    """True when a dated flagpoling schedule is in force on local date ``d``.

    False means flagpoling is offered whenever the port is open (and the data file's
    ``no_schedule_note`` applies).
    """
    return any(row.in_force(d) for row in crossing.flagpoling)


def port_open(crossing: Crossing, at: datetime) -> bool:
    """True when the port itself is open to travellers at ``at`` (unknown hours count as open)."""
    return _contains(crossing, at, _port_minutes)


def flagpoling_open(crossing: Crossing, at: datetime) -> bool:
    """True when the port offers flagpoling at ``at``. Always implies ``port_open``."""
    return _contains(crossing, at, _flagpoling_minutes)


def port_windows(crossing: Crossing, d: date) -> list[tuple[datetime, datetime]]:
    """The port's opening windows on local date ``d`` as (start, end) aware local datetimes.

    Each window lies within ``d`` (end may be the next day's 00:00); windows are not joined
    across midnight here. Empty when the port is closed all day.
    """
    return _local_spans(crossing, _spans(crossing, d, _port_minutes))


def flagpoling_windows(crossing: Crossing, d: date) -> list[tuple[datetime, datetime]]:
    """The flagpoling windows on local date ``d`` as (start, end) aware local datetimes.

    Like ``port_windows``: within the day, not joined across midnight; empty when none.
    """
    return _local_spans(crossing, _spans(crossing, d, _flagpoling_minutes))


def us_port_hours_known(crossing: Crossing, d: date) -> bool:
    """True when the data has hours of the US port in force on local date ``d``."""
    return any(row.in_force(d) for row in crossing.us_port_hours)


def us_side_open(crossing: Crossing, at: datetime) -> bool:
    """True when the US port facing the crossing is open at ``at``.

    With no US hours in force on the local date, the US side is taken to be open whenever the
    Canadian port is (so this is then ``port_open``)."""
    if not us_port_hours_known(crossing, local(crossing, at).date()):
        return port_open(crossing, at)
    return _contains(crossing, at, _us_minutes)


def us_side_windows(crossing: Crossing, d: date) -> list[tuple[datetime, datetime]]:
    """The US port's opening windows on local date ``d`` (recorded hours only; like
    ``port_windows``). Empty when no US hours are recorded for ``d`` or it is closed all day."""
    if not us_port_hours_known(crossing, d):
        return []
    return _local_spans(crossing, _spans(crossing, d, _us_minutes))


def appointment_mark(crossing: Crossing, d: date) -> DatedMark | None:
    """The "flagpoling by appointment" mark in force on local date ``d``, or None."""
    return next((m for m in crossing.flagpoling_by_appointment if m.in_force(d)), None)


def window_end(crossing: Crossing, at: datetime) -> datetime | None:
    """When the flagpoling window open at ``at`` ends (exclusive), aware in the crossing's zone.

    Windows that touch are one window: 08:00–24:00 followed by 00:00–… the next day continues,
    so a 24-hour port with flagpoling every day does not end at midnight. Returns None when
    flagpoling is not open at ``at``, or when the window does not end within ``SEARCH_DAYS`` days
    (the local date of ``at`` plus 14 days), i.e. it is open around the clock.
    """
    here = local(crossing, at)
    moment = here.astimezone(UTC)
    first = here.date()
    last = first + timedelta(days=SEARCH_DAYS)
    horizon = _utc(crossing.tz, last + timedelta(days=1), 0)
    for start, end in _merged(crossing, first, last):
        if start <= moment < end:
            return None if end >= horizon else end.astimezone(crossing.tz)
        if start > moment:
            break
    return None


def next_window(crossing: Crossing, after: datetime, days: int = SEARCH_DAYS) -> datetime | None:
    """The start of the next flagpoling window, aware in the crossing's zone, or None.

    When flagpoling is closed at ``after``: the first moment at or after ``after`` when it opens
    (it cannot open exactly at ``after``, as it would then be open), searching the local dates
    from ``after``'s date through ``days`` days later.

    When flagpoling is open at ``after``: *not* the current window's start, and not ``after``
    itself, but the start of the next new window after the current one ends (``window_end``);
    the ``days`` search then counts from that end. None when the current window does not end
    within the search.

    So the result, when not None, is always strictly after ``after``, flagpoling is open at it,
    and closed just before it.
    """
    here = local(crossing, after)
    moment = here.astimezone(UTC)
    if flagpoling_open(crossing, here):
        end = window_end(crossing, here)
        if end is None:
            return None
        moment = end.astimezone(UTC)
        here = end
    first = here.date()
    for start, _end in _merged(crossing, first, first + timedelta(days=days)):
        if start >= moment:
            return start.astimezone(crossing.tz)
    return None


def time_left(crossing: Crossing, at: datetime) -> timedelta | None:
    """Real elapsed time from ``at`` to the end of the flagpoling window open at ``at``.

    None when flagpoling is closed at ``at`` or the window does not end within the search
    (see ``window_end``). Correct on DST days (measured in UTC).
    """
    end = window_end(crossing, at)
    if end is None:
        return None
    return end.astimezone(UTC) - local(crossing, at).astimezone(UTC)


# --- internals ----------------------------------------------------------------------------------


def _in_force(rows: list[Window], d: date) -> list[Window]:
    return [row for row in rows if row.in_force(d)]


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Minute ranges merged where they overlap or touch, sorted."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            start, end = max(s1, s2), min(e1, e2)
            if start < end:
                out.append((start, end))
    return _union(out)


def _matching(rows: list[Window], d: date) -> list[tuple[int, int]]:
    weekday = d.weekday()
    return _union([(r.start_minute, r.end_minute) for r in rows if weekday in r.weekdays])


def _port_minutes(crossing: Crossing, d: date) -> list[tuple[int, int]]:
    """Port opening on local date ``d`` as minute ranges (unknown hours = all day)."""
    rows = _in_force(crossing.port_hours, d)
    if not rows:
        return [(0, 1440)]
    return _matching(rows, d)


def _us_minutes(crossing: Crossing, d: date) -> list[tuple[int, int]]:
    """The US port's recorded opening on local date ``d`` as minute ranges."""
    return _matching(_in_force(crossing.us_port_hours, d), d)


def _flagpoling_minutes(crossing: Crossing, d: date) -> list[tuple[int, int]]:
    """Flagpoling on local date ``d`` as minute ranges: port hours, cut by any dated schedule."""
    port = _port_minutes(crossing, d)
    rows = _in_force(crossing.flagpoling, d)
    if not rows:
        return port
    return _intersect(port, _matching(rows, d))


def _utc(tz: ZoneInfo, d: date, minute: int) -> datetime:
    """Local wall time ``d`` + ``minute`` (1440 = next midnight) as an aware UTC datetime."""
    wall = datetime.combine(d, time()) + timedelta(minutes=minute)
    return wall.replace(tzinfo=tz).astimezone(UTC)


def _spans(crossing: Crossing, d: date, minutes_of: _MinutesOf) -> list[_Span]:
    tz = crossing.tz
    spans = []
    for start, end in minutes_of(crossing, d):
        s, e = _utc(tz, d, start), _utc(tz, d, end)
        if s < e:  # a window entirely inside the spring gap does not exist
            spans.append((s, e))
    return spans


def _local_spans(crossing: Crossing, spans: list[_Span]) -> list[tuple[datetime, datetime]]:
    tz = crossing.tz
    return [(s.astimezone(tz), e.astimezone(tz)) for s, e in spans]


def _contains(crossing: Crossing, at: datetime, minutes_of: _MinutesOf) -> bool:
    here = local(crossing, at)
    moment = here.astimezone(UTC)
    return any(s <= moment < e for s, e in _spans(crossing, here.date(), minutes_of))


def _merged(crossing: Crossing, first: date, last: date) -> list[_Span]:
    """Flagpoling spans on local dates ``first``..``last`` (inclusive), joined where they touch."""
    out: list[_Span] = []
    d = first
    while d <= last:
        for start, end in _spans(crossing, d, _flagpoling_minutes):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        d += timedelta(days=1)
    return out
