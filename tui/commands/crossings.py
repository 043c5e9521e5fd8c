"""``flagpole crossings``: which crossings offer flagpoling at a moment, and the next window.

``flagpole crossings [--at DATETIME] [--province XX] [--near LAT,LON|PLACE] [--foot]
[--open-only] [--json] [--stale DAYS]``
"""

from __future__ import annotations

import argparse


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "crossings",
        help="list crossings: flagpoling now (or at a moment), next window, distance",
        description="List the Canada–US land crossings with whether each offers flagpoling at a "
        "moment (default now), the next flagpoling window, the distance from a place, and who may "
        "use it on that date (everyone, or exempt travellers only since the ban in the policy data).",
    )
    p.add_argument(
        "--at",
        metavar="DATETIME",
        help="evaluate at this moment, e.g. 2025-03-04T10:00 (each crossing's local time) or "
        "2025-03-04T10:00-05:00 (one instant); a date alone means 12:00 local",
    )
    p.add_argument("--province", metavar="XX", help="only this province (BC, ON, QC…)")
    p.add_argument(
        "--near",
        metavar="LAT,LON|PLACE",
        help="sort nearest first and show distances from a point or a place (Vancouver, "
        "Toronto, Montréal…)",
    )
    p.add_argument(
        "--foot",
        action="store_true",
        help="leave out crossings documented as refusing pedestrians (unknown access stays in)",
    )
    p.add_argument(
        "--open-only", action="store_true", help="only crossings offering flagpoling at the moment"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--stale",
        metavar="DAYS",
        type=int,
        help="instead, list the facts whose as-of date is more than DAYS days before today",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """List crossings (or stale facts with ``--stale``); returns 0, raises FlagpoleError on bad input."""
    from tui.core.clock import system_clock
    from tui.core.crossings import load_crossings
    from tui.core.finder import province_code

    data = load_crossings()
    now = system_clock()
    if args.stale is not None:
        crossings = list(data.crossings.values())
        if args.province:
            crossings = [c for c in crossings if c.province == province_code(args.province)]
        return _stale(data, crossings, args.stale, now.date(), args.json)
    return _list(data, args, now)


# --- listing -------------------------------------------------------------------------------------


def _list(data, args, now) -> int:
    from tui.commands.common import require_moment_in_range
    from tui.core.crossings import load_places
    from tui.core.errors import BadCoordinatesError, BadMomentError, FlagpoleError, UnknownPlaceError
    from tui.core.finder import find_statuses, parse_at, parse_near
    from tui.core.policy import load_policy

    if args.at is not None:
        require_moment_in_range("--at", args.at)
    try:
        at = parse_at(args.at) if args.at is not None else now
    except BadMomentError as exc:
        raise FlagpoleError(f"--at: {exc}") from None
    try:
        origin = parse_near(args.near, data, load_places()) if args.near is not None else None
    except (UnknownPlaceError, BadCoordinatesError) as exc:
        raise FlagpoleError(f"--near: {exc}") from None
    policy = load_policy()
    ban = policy.flagpoling_ban.effective
    statuses = find_statuses(
        data, at, origin=origin, province=args.province, foot=args.foot, open_only=args.open_only,
        ban=ban,
    )
    if args.json:
        from tui.commands.common import print_json

        print_json([_as_json(data, s) for s in statuses])
        return 0
    _print_table(data, statuses, at, naive=args.at is not None and at.tzinfo is None, origin=origin)
    if statuses and at.date() >= ban:
        print()
        print(policy.ban_note.text)  # who may still use these hours (a fact in data/policy.toml)
    return 0


def _iso(moment) -> str | None:
    return None if moment is None else moment.isoformat(timespec="minutes")


def _as_json(data, status) -> dict:
    from tui.core.finder import fact_sources, status_notes

    c = status.crossing
    sources = fact_sources(data, status)
    distance = status.distance_km
    return {
        "id": c.id,
        "name": c.name,
        "province": c.province,
        "us_port": c.us_port,
        "us_state": c.us_state,
        "aliases": list(c.aliases),
        "timezone": c.timezone,
        "lat": c.location.lat,
        "lon": c.location.lon,
        "location_approximate": c.location.approximate,
        "pedestrians": c.pedestrians_allowed,
        "transit": c.transit,
        "at": _iso(status.at),
        "port_open": status.port_open,
        "port_hours_known": status.port_hours_known,
        "flagpoling": status.flagpoling,
        "flagpoling_for": status.flagpoling_for,
        "flagpoling_until": _iso(status.until),
        "next_flagpoling": _iso(status.next),
        "dated_schedule": status.dated,
        "us_side_open": status.us_side_open,
        "by_appointment": status.by_appointment,
        "unverified": any(s["unverified"] for s in sources) or not status.port_hours_known,
        "distance_km": None if distance is None else round(distance, 1),
        "notes": status_notes(data, status),
        "sources": sources,
    }


def _when(moment, reference) -> str:
    """A moment as short local text relative to ``reference`` (same zone)."""
    if moment is None:
        return "—"
    zone = moment.tzname() or ""
    if moment.date() == reference.date():
        return f"{moment:%H:%M} {zone}"
    if moment.time().hour == 0 and moment.time().minute == 0:
        previous = moment.date().toordinal() - 1
        if previous == reference.date().toordinal():
            return f"24:00 {zone}"
    return f"{moment:%a %Y-%m-%d %H:%M} {zone}"


def _print_table(data, rows, at, *, naive: bool, origin) -> None:
    from tui.core.finder import flagpoling_now_words, marks_of

    if naive:
        print(f"At {at:%a %Y-%m-%d %H:%M}, each crossing's local time.")
    else:
        print(f"At {at:%a %Y-%m-%d %H:%M %Z (UTC%z)}.".replace("  ", " "))
    if origin is not None:
        print(f"Distances from {origin.label}.")
    if not rows:
        print("No crossing matches.")
        return
    table = []
    marks_used: set[str] = set()
    for r in rows:
        c = r.crossing
        now = flagpoling_now_words(r, _when, all_day="around the clock")
        marks = marks_of(r)
        marks_used.update(marks)
        distance = "" if r.distance_km is None else f"{r.distance_km:.0f} km"
        table.append(
            (f"{c.name} {marks}".rstrip(), c.province, now, _when(r.next, r.at), distance)
        )
    headers = ("Crossing", "Prov", "Flagpoling now", "Next window", "Distance" if origin else "")
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    for line in [headers, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
    legend = {
        "†": f"† no dated flagpoling schedule: {data.no_schedule_note}",
        "?": "? port hours or schedule unverified, or not in the data (assumed open).",
        "~": "~ approximate location.",
        "⊘": "⊘ documented as refusing pedestrians.",
    }
    notes = [text for mark, text in legend.items() if mark in marks_used]
    if notes:
        print()
        for text in notes:
            print(text)


# --- stale facts ---------------------------------------------------------------------------------


def _stale(data, crossings, days: int, today, as_json: bool) -> int:
    from tui.core.crossings import stale_facts
    from tui.core.errors import FlagpoleError

    if days < 0:
        raise FlagpoleError(f"--stale: expected a number of days, 0 or more (got {days}).")
    from datetime import date

    from tui.core.date_range import MIN_YEAR

    wanted = {c.id for c in crossings} | {"*"}
    # Every as-of date is in MIN_YEAR or later: a longer span finds the same (nothing), and
    # shortening it keeps the date arithmetic inside the calendar however large DAYS is.
    span = min(days, (today - date(MIN_YEAR - 1, 1, 1)).days)
    old = [f for f in stale_facts(data, today, span) if f.crossing_id in wanted]
    if as_json:
        from tui.commands.common import print_json

        print_json(
            [
                {"id": f.crossing_id, "fact": f.fact, "description": f.description,
                 "as_of": f.as_of.isoformat() if f.as_of else None, "source": f.source,
                 "unverified": f.unverified}
                for f in old
            ]
        )
        return 0
    if not old:
        print(f"No fact is older than {days} days (today is {today}).")
        return 0
    print(f"{len(old)} facts with an as-of date more than {days} days before {today}:")
    width = max(len(f.crossing_id) for f in old)
    fact_width = max(len(f.fact) for f in old)
    for f in old:
        flag = " (unverified)" if f.unverified else ""
        print(f"{f.crossing_id:<{width}}  {f.fact:<{fact_width}}  {f.as_of}  {f.source}{flag}")
    return 0
