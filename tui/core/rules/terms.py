"""The terms of ``spec/rules.md`` ("Terms"): term end, expected permit, exemption, names, the
moment ``on`` (per route)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, tzinfo

from tui.core.errors import BadMomentError
from tui.core.findings import ExpectedPermit
from tui.core.kinds import US_CITIZEN, PlanRoute, Program

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from tui.core.airports import Airport, AirportsData
    from tui.core.crossings import Crossing, CrossingsData
    from tui.core.profile import Profile


NOON = time(12, 0)

def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clamped to the target month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, _month_length(year, month)))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    """Days in the month (``calendar.monthrange(year, month)[1]``, without importing calendar)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month - 1]


def _day(on: date | datetime) -> date:
    return on.date() if isinstance(on, datetime) else on


def term_end(profile: Profile, on: date | datetime) -> date | None:
    """The end of the programme's term: ``expected_permit_expiry`` if given, else ``on`` plus
    ``permit_months``; None for PR landing or when neither is given."""
    app = profile.application
    if not app.program.is_work_permit:
        return None
    if app.expected_permit_expiry is not None:
        return app.expected_permit_expiry
    if app.permit_months is not None:
        return add_months(_day(on), app.permit_months)
    return None


def passport_caps_permit(profile: Profile) -> bool:
    """False for a US citizen with a US passport (IRCC: the passport cap does not apply to them);
    True for everyone else: the permit will not run past the passport."""
    return not (profile.person.citizenship == "US" and profile.passport.country == "US")


def expected_permit(profile: Profile, on: date | datetime) -> ExpectedPermit | None:
    """The earliest of term end, passport expiry (unless ``passport_caps_permit`` is False) and
    (IEC) insurance end, and what limits it.

    On a tie ``program`` wins, then ``passport``. None where there is no term end.
    """
    end = term_end(profile, on)
    if end is None:
        return None
    candidates = [(end, "program")]
    if passport_caps_permit(profile):
        candidates.append((profile.passport.expires, "passport"))
    if profile.application.program.is_iec and profile.insurance is not None:
        candidates.append((profile.insurance.ends, "insurance"))
    expires, limited_by = min(candidates, key=lambda c: c[0])  # min keeps the first on ties
    return ExpectedPermit(expires=expires, limited_by=limited_by)


def exemption(profile: Profile) -> str | None:
    """Which exemption from the December 2024 ban applies: ``us-citizen``, the profile's
    ``application.exemption``, or None. Exemptions never apply to PGWP."""
    if profile.application.program is Program.PGWP:
        return None
    if profile.person.citizenship == "US":
        return US_CITIZEN
    if profile.application.exemption is not None:
        return profile.application.exemption.value
    return None


def same_name(a: str, b: str) -> bool:
    """Names compare case-insensitively, each run of spaces and hyphens counting as one space."""
    return _name_key(a) == _name_key(b)


def _name_key(name: str) -> str:
    """Casefolded, each run of whitespace and hyphens one space, none at either end."""
    return " ".join(name.casefold().replace("-", " ").split())


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def matches_keyword(text: str, keywords: Iterable[str]) -> str | None:
    """The first keyword found at the start of a word of ``text`` (case-insensitive), or None."""
    folded = _name_key(text)
    for keyword in keywords:
        key = _name_key(keyword)
        at = folded.find(key)
        while at != -1:
            if at == 0 or folded[at - 1] not in _WORD_CHARS:
                return keyword
            at = folded.find(key, at + 1)
    return None


def resolve_on(
    profile: Profile,
    crossings: CrossingsData | None,
    on_arg: str | None,
    now: datetime,
    *,
    airports: AirportsData | None = None,
) -> datetime:
    """The moment of the day (rules.md "Terms → on", "route"), aware, in the place's zone.

    The place's zone is the crossing's on the flagpole route and the airport's on
    ``arrival-by-air`` (``plan.date`` + ``plan.arrive``); on ``by-mail`` ``on`` is ``plan.date``
    at 12:00 in the system's zone (that of ``now``). Without a known crossing or airport the
    system zone stands in. ``on_arg`` is the ``--on`` value, read relative to that zone: a date
    replaces ``plan.date`` (keeping ``plan.arrive``, or 12:00; always 12:00 by mail); a
    datetime without an offset is local to the zone; one with an offset is converted to the
    crossing's or airport's zone (kept as given where there is none). With neither a plan nor
    ``--on``: ``now``. A wall time that does not exist (the spring DST gap) moves forward by
    the gap. A malformed ``on_arg`` raises BadMomentError.
    """
    plan = profile.plan
    place_zone = _place_zone(profile, crossings, airports)
    zone = place_zone or _system_zone(now)
    by_mail = plan is not None and plan.route is PlanRoute.BY_MAIL
    arrive = NOON if by_mail else ((plan.arrive if plan and plan.arrive else None) or NOON)
    if on_arg is None:
        if plan is None:
            return now if now.tzinfo is not None else now.astimezone()
        return _wall(datetime.combine(plan.date, arrive), zone)
    text = on_arg.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return _wall(datetime.combine(date.fromisoformat(text), arrive), zone)
        except ValueError:
            raise BadMomentError(
                on_arg, _MOMENT_EXPECTED, f"{on_arg!r} is not a real date."
            ) from None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadMomentError(on_arg, _MOMENT_EXPECTED) from None
    if moment.tzinfo is None:
        return _wall(moment, zone)
    return moment.astimezone(place_zone) if place_zone else moment


_MOMENT_EXPECTED = (
    "a date like 2026-12-02 or a date and time like 2026-12-02T10:30 "
    "(optionally with an offset, like 2026-12-02T10:30-08:00)"
)


def _place_zone(
    profile: Profile, crossings: CrossingsData | None, airports: AirportsData | None
) -> tzinfo | None:
    """The zone of the day's place: the crossing's (flagpole), the airport's (arrival by air),
    None by mail or when the place is not known."""
    plan = profile.plan
    if plan is None:
        return None
    if plan.route is PlanRoute.ARRIVAL_BY_AIR:
        airport = find_airport_by_id(airports, plan.airport)
        return airport.zone if airport is not None else None
    if plan.route is PlanRoute.BY_MAIL:
        return None
    return _zone_of(_find_crossing(crossings, plan.crossing))


def find_airport_by_id(airports: AirportsData | None, airport_id: str) -> Airport | None:
    """The airport with this id in the airports data, or None (no data, blank or unknown id)."""
    if airports is None or not airport_id.strip():
        return None
    return airports.get(airport_id)


def _wall(naive: datetime, zone: tzinfo) -> datetime:
    """A local wall time in ``zone``, normalised (a time in the spring gap moves forward)."""
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def _system_zone(now: datetime) -> tzinfo:
    return (now if now.tzinfo is not None else now.astimezone()).tzinfo  # type: ignore[return-value]


def _zone_of(crossing: Crossing | None) -> tzinfo | None:
    if crossing is None:
        return None
    return crossing.tz


def _crossing_table(crossings: Any) -> dict[str, Crossing]:
    if crossings is None:
        return {}
    table: dict[str, Crossing] = getattr(crossings, "crossings", crossings)
    return table


def _find_crossing(crossings: Any, crossing_id: str) -> Crossing | None:
    return _crossing_table(crossings).get(crossing_id)


