"""The terms of ``spec/rules.md`` ("Terms"): term end, expected permit, exemption, names, the moment ``on``."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any

from tui.core.errors import FlagpoleError
from tui.core.findings import ExpectedPermit
from tui.core.policy import US_CITIZEN
from tui.core.profile import Profile, Program

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.crossings import Crossing, CrossingsData


NOON = time(12, 0)

def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clamped to the target month's last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


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
    return re.sub(r"[\s\-]+", " ", name.strip().casefold()).strip()


def matches_keyword(text: str, keywords: Iterable[str]) -> str | None:
    """The first keyword found at the start of a word of ``text`` (case-insensitive), or None."""
    folded = _name_key(text)
    for keyword in keywords:
        if re.search(r"(?<![a-z0-9])" + re.escape(_name_key(keyword)), folded):
            return keyword
    return None


def resolve_on(
    profile: Profile, crossings: CrossingsData | None, on_arg: str | None, now: datetime
) -> datetime:
    """The moment of the crossing (rules.md "Terms → on"), aware, in the crossing's zone.

    ``on_arg`` is the ``--on`` value: a date replaces ``plan.date`` (keeping ``plan.arrive``, or
    12:00); a datetime without an offset is crossing-local; one with an offset is converted to
    the crossing's zone. With neither a plan nor ``--on``: ``now``. Without a known crossing the
    system zone (that of ``now``) stands in for dates and naive datetimes, and an offset given is
    kept. A wall time that does not exist (the spring DST gap) moves forward by the gap. A
    malformed ``on_arg`` raises FlagpoleError.
    """
    plan = profile.plan
    crossing_zone = _zone_of(_find_crossing(crossings, plan.crossing) if plan else None)
    zone = crossing_zone or _system_zone(now)
    arrive = (plan.arrive if plan and plan.arrive else None) or NOON
    if on_arg is None:
        if plan is None:
            return now if now.tzinfo is not None else now.astimezone()
        return _wall(datetime.combine(plan.date, arrive), zone)
    text = on_arg.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return _wall(datetime.combine(date.fromisoformat(text), arrive), zone)
        except ValueError:
            raise FlagpoleError(f"--on: {on_arg!r} is not a real date.") from None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise FlagpoleError(
            f"--on: expected a date like 2026-12-02 or a date and time like 2026-12-02T10:30 "
            f"(optionally with an offset, like 2026-12-02T10:30-08:00); got {on_arg!r}."
        ) from None
    if moment.tzinfo is None:
        return _wall(moment, zone)
    return moment.astimezone(crossing_zone) if crossing_zone else moment


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
    return getattr(crossings, "crossings", crossings)


def _find_crossing(crossings: Any, crossing_id: str) -> Crossing | None:
    return _crossing_table(crossings).get(crossing_id)


