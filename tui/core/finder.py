"""Finding a crossing: each crossing's flagpoling status at a moment, its distance from a place,
and the sources behind it. Shared by ``flagpole crossings`` and the app's crossing finder."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from tui.core import schedule
from tui.core.crossings import PROVINCES, find_crossing, normalize, search
from tui.core.errors import (
    BadCoordinatesError,
    BadMomentError,
    FlagpoleError,
    UnknownPlaceError,
)

if TYPE_CHECKING:  # pragma: no cover  (the models import pydantic: a warm start does without)
    from tui.core.crossings import Crossing, CrossingsData, Place

PROVINCE_ORDER = ("YT", "NT", "NU", "BC", "AB", "SK", "MB", "ON", "QC", "NB", "NS", "PE", "NL")

EVERYONE = "everyone"
"""``flagpoling_for`` before the December 2024 ban: anyone could flagpole."""
EXEMPT_ONLY = "exempt-only"
"""``flagpoling_for`` from the ban's effective date: only the exempt groups."""
EXEMPT_ONLY_WORDS = "exempt travellers only"
"""What is said instead of "yes" where flagpoling is offered only to the exempt groups."""


@dataclass(frozen=True)
class Origin:
    """A point distances are measured from, with a label for people."""

    label: str
    lat: float
    lon: float


@dataclass(frozen=True)
class CrossingStatus:
    """One crossing at one moment: is the port open, is flagpoling offered, until when, next."""

    crossing: Crossing
    at: datetime
    port_open: bool
    port_hours_known: bool
    flagpoling: bool
    until: datetime | None
    next: datetime | None
    dated: bool
    distance_km: float | None
    flagpoling_for: str | None = None
    """``everyone`` or ``exempt-only`` (from the ban's effective date) when flagpoling is offered
    at ``at``; None when it is not."""
    us_side_open: bool = True
    """The US port facing the crossing is open at ``at`` (open whenever the Canadian port is,
    unless US hours are recorded)."""
    by_appointment: bool = False
    """The data marks flagpoling here as by appointment on ``at``'s date (unconfirmed)."""

    @property
    def unverified(self) -> bool:
        """True when the hours or schedule in force are unverified, or unknown."""
        d = self.at.date()
        rows = (*self.crossing.port_hours, *self.crossing.flagpoling)
        return not self.port_hours_known or any(w.unverified for w in rows if w.in_force(d))


def marks_of(status: CrossingStatus) -> str:
    """The marks after the name: † no dated schedule, ? unverified, ~ approximate (only with a
    distance), ⊘ refuses pedestrians."""
    c = status.crossing
    marks = ""
    if not status.dated:
        marks += "†"
    if status.unverified:
        marks += "?"
    if c.location.approximate and status.distance_km is not None:
        marks += "~"
    if c.pedestrians_allowed is False:
        marks += "⊘"
    return marks


def flagpoling_now_words(
    status: CrossingStatus,
    until_words: Callable[[datetime, datetime], str],
    *,
    all_day: str,
    port_closed: str = "no (port closed)",
    eligible: bool | None = None,
    exempt_only: str = EXEMPT_ONLY_WORDS,
    exempt_note: str = " (you are exempt)",
) -> str:
    """Whether ``status`` offers flagpoling at its moment, in words shared by ``flagpole crossings``
    and the finder: "yes, until <until_words(until, at)>", "yes, <all_day>" when the window has no
    end in sight, ``port_closed`` when the port itself is closed, else "no".

    From the ban's effective date (``flagpoling_for`` is ``exempt-only``) ``exempt_only`` replaces
    "yes", unless the person is known to be exempt (``eligible`` True): then "yes" stays, followed
    by ``exempt_note``. "no (US side closed)" when the CBSA window is open but the US port facing
    it is shut (nobody there can turn you around)."""
    if status.flagpoling and not status.us_side_open:
        return "no (US side closed)"
    if status.flagpoling:
        yes, note = "yes", ""
        if status.flagpoling_for == EXEMPT_ONLY:
            yes, note = (("yes", exempt_note) if eligible else (exempt_only, ""))
        if status.until is not None:
            return f"{yes}, until {until_words(status.until, status.at)}{note}"
        return f"{yes}, {all_day}{note}"
    if not status.port_open:
        return port_closed
    return "no"


def flagpoling_for(flagpoling: bool, day: date, ban: date | None) -> str | None:
    """Who may flagpole on local date ``day`` where flagpoling is offered: ``exempt-only`` from
    ``ban`` (the ban's effective date, from the policy data), else ``everyone``; None when
    flagpoling is not offered. ``ban`` None = no ban known."""
    if not flagpoling:
        return None
    return EXEMPT_ONLY if ban is not None and day >= ban else EVERYONE


def eligible_to_flagpole(verdict: Any) -> bool | None:
    """From a profile's verdict (``tui.core.verdict.Verdict``, or None): True when an exemption
    from the ban applies (``eligibility.exempt``), False when the verdict is NOT ELIGIBLE, None
    when there is no verdict or it is neither."""
    if verdict is None:
        return None
    if any(f.id == "eligibility.exempt" for f in verdict.eligibility):
        return True
    return False if verdict.eligibility_word == "NOT ELIGIBLE" else None


def crossing_status(
    crossing: Crossing, at: datetime, origin: Origin | None = None, *, ban: date | None = None
) -> CrossingStatus:
    """The status of ``crossing`` at ``at`` (naive = crossing-local), with distance from ``origin``.
    ``ban``: the flagpoling ban's effective date (policy data), for ``flagpoling_for``."""
    here = schedule.local(crossing, at)
    flag = schedule.flagpoling_open(crossing, here)
    distance = None
    if origin is not None:
        from tui.core.crossings import haversine_km

        distance = haversine_km(origin.lat, origin.lon, crossing.location.lat, crossing.location.lon)
    return CrossingStatus(
        crossing=crossing,
        at=here,
        port_open=schedule.port_open(crossing, here),
        port_hours_known=schedule.port_hours_known(crossing, here.date()),
        flagpoling=flag,
        until=schedule.window_end(crossing, here) if flag else None,
        next=schedule.next_window(crossing, here),
        dated=schedule.dated_schedule(crossing, here.date()),
        distance_km=distance,
        flagpoling_for=flagpoling_for(flag, here.date(), ban),
        us_side_open=schedule.us_side_open(crossing, here),
        by_appointment=schedule.appointment_mark(crossing, here.date()) is not None,
    )


def find_statuses(
    data: CrossingsData,
    at: datetime,
    *,
    origin: Origin | None = None,
    province: str | None = None,
    text: str = "",
    foot: bool = False,
    open_only: bool = False,
    ban: date | None = None,
) -> list[CrossingStatus]:
    """Crossings matching the filters, with their status at ``at``.

    ``ban``: the flagpoling ban's effective date (policy data), for ``flagpoling_for``.
    ``text`` matches names, US towns and common names; ``foot`` leaves out crossings documented
    as refusing pedestrians (unknown access stays in); ``open_only`` keeps those offering
    flagpoling at ``at``. Sorted nearest first with an origin, else west to east by province.
    """
    crossings = list(data.crossings.values())
    if province:
        crossings = [c for c in crossings if c.province == province_code(province)]
    if text.strip():
        wanted = {c.id for c in search(crossings, text)}
        crossings = [c for c in crossings if c.id in wanted]
    if foot:
        crossings = [c for c in crossings if c.pedestrians_allowed is not False]
    statuses = [crossing_status(c, at, origin, ban=ban) for c in crossings]
    if open_only:
        statuses = [s for s in statuses if s.flagpoling]
    if origin is not None:
        statuses.sort(key=lambda s: s.distance_km if s.distance_km is not None else float("inf"))
    else:
        statuses.sort(key=lambda s: (PROVINCE_ORDER.index(s.crossing.province), s.crossing.location.lon))
    return statuses


def fact_sources(data: CrossingsData, status: CrossingStatus) -> list[dict[str, Any]]:
    """Every fact behind ``status`` in force on its date: what, URL, as-of date, unverified."""
    c = status.crossing
    sources = [
        {"fact": "location", "url": c.location.source, "as_of": c.location.as_of.isoformat(),
         "unverified": c.location.unverified},
    ]
    if c.pedestrians is not None and c.pedestrians.source:
        sources.append(
            {"fact": "pedestrians", "url": c.pedestrians.source,
             "as_of": c.pedestrians.as_of.isoformat() if c.pedestrians.as_of else None,
             "unverified": c.pedestrians.unverified}
        )
    d = status.at.date()
    for kind in ("port_hours", "flagpoling", "us_port_hours"):
        for i, w in enumerate(getattr(c, kind)):
            if w.in_force(d):
                sources.append(
                    {"fact": f"{kind}[{i}]", "description": w.describe(), "url": w.source,
                     "as_of": w.as_of.isoformat(), "unverified": w.unverified}
                )
    for i, m in enumerate(c.flagpoling_by_appointment):
        if m.in_force(d):
            sources.append(
                {"fact": f"flagpoling_by_appointment[{i}]",
                 "description": f"by appointment, {m.describe()}", "url": m.source,
                 "as_of": m.as_of.isoformat(), "unverified": m.unverified}
            )
    if not status.dated and data.no_schedule_note_source:
        sources.append(
            {"fact": "no_schedule_note", "url": data.no_schedule_note_source,
             "as_of": data.as_of.isoformat(), "unverified": False}
        )
    return sources


def status_notes(data: CrossingsData, status: CrossingStatus) -> list[str]:
    """The crossing's notes plus what applies at the moment (no dated schedule, unknown hours)."""
    notes = list(status.crossing.notes)
    if not status.dated:
        notes.append(data.no_schedule_note)
    if not status.port_hours_known:
        notes.append("The data has no port hours for this date; the port is assumed open.")
    if status.port_open and not status.us_side_open:
        notes.append(f"The US port ({status.crossing.us_port}) is closed at this moment: nobody "
                     "can turn you around.")
    if status.by_appointment:
        notes.append("On this date one source says flagpoling here took a booked appointment "
                     "(unconfirmed).")
    return notes


def parse_at(text: str) -> datetime:
    """An ISO date-time (naive = each crossing's local time), or a date alone (12:00 local);
    BadMomentError otherwise."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.combine(date.fromisoformat(value), time(12, 0))
        return datetime.fromisoformat(value)
    except ValueError:
        expected = "e.g. 2025-03-04T10:00 (crossing-local) or 2025-03-04T10:00-05:00"
        raise BadMomentError(
            text, expected, f"{text!r} is not a date and time; expected {expected}"
        ) from None


def parse_near(text: str, data: CrossingsData, places: tuple[Place, ...]) -> Origin:
    """An Origin from "LAT,LON", a place name, or a crossing id/name; BadCoordinatesError for
    coordinates out of range, UnknownPlaceError for anything else."""
    match = re.fullmatch(r"\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*", text)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise BadCoordinatesError(text)
        return Origin(f"{lat:g},{lon:g}", lat, lon)
    from tui.core.crossings import closest_places, find_place

    place = find_place(places, text)
    if place is not None:
        return Origin(f"{place.name}, {place.province}", place.lat, place.lon)
    try:
        crossing = find_crossing(data, text)
    except FlagpoleError:
        crossing = None
    if crossing is not None:
        return Origin(crossing.name, crossing.location.lat, crossing.location.lon)
    raise UnknownPlaceError(
        text, tuple(closest_places(places, text)), tuple(p.name for p in places)
    )


def province_code(text: str) -> str:
    """The two-letter code for a province given as a code or a name; FlagpoleError otherwise."""
    wanted = text.strip().upper()
    if wanted in PROVINCES:
        return wanted
    by_name = {normalize(name): code for code, name in PROVINCES.items()}
    by_name.update({"quebec": "QC", "pei": "PE", "newfoundland": "NL"})
    code = by_name.get(normalize(text))
    if code is None:
        import difflib

        close = difflib.get_close_matches(normalize(text), list(by_name), n=3, cutoff=0.5)
        codes = list(dict.fromkeys(by_name.get(k, k) for k in close))
        hint = f" Did you mean: {', '.join(codes)}?" if codes else ""
        raise FlagpoleError(
            f"--province: unknown province {text!r}.{hint} Use a code: {', '.join(PROVINCES)}."
        )
    return code
