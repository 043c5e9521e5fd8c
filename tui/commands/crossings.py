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
        "moment (default now), the next flagpoling window, and the distance from a place. "
        "Since 2024-12-24 CBSA issues work and study permits to flagpolers only under limited "
        "exemptions; the hours shown are the service hours for those who still qualify.",
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

    data = load_crossings()
    now = system_clock()
    crossings = _filter_province(list(data.crossings.values()), args.province)
    if args.stale is not None:
        return _stale(data, crossings, args.stale, now.date(), args.json)
    return _list(data, crossings, args, now)


# --- listing -------------------------------------------------------------------------------------


def _list(data, crossings, args, now) -> int:
    from tui.core import schedule
    from tui.core.crossings import haversine_km

    at = _parse_at(args.at) if args.at else now
    origin = _parse_near(args.near, data) if args.near else None

    rows = []
    for c in crossings:
        if args.foot and c.pedestrians_allowed is False:
            continue
        here = schedule.local(c, at)
        flag = schedule.flagpoling_open(c, here)
        if args.open_only and not flag:
            continue
        distance = None
        if origin is not None:
            distance = haversine_km(origin[1], origin[2], c.location.lat, c.location.lon)
        rows.append(
            {
                "crossing": c,
                "at": here,
                "port_open": schedule.port_open(c, here),
                "port_hours_known": schedule.port_hours_known(c, here.date()),
                "flagpoling": flag,
                "until": schedule.window_end(c, here) if flag else None,
                "next": schedule.next_window(c, here),
                "dated": schedule.dated_schedule(c, here.date()),
                "distance": distance,
            }
        )
    if origin is not None:
        rows.sort(key=lambda r: r["distance"])
    else:
        rows.sort(key=lambda r: (_PROVINCE_ORDER.index(r["crossing"].province), r["crossing"].location.lon))

    if args.json:
        from tui.commands.common import print_json

        print_json([_as_json(data, r) for r in rows])
        return 0
    _print_table(data, rows, at, naive=args.at is not None and at.tzinfo is None, origin=origin)
    return 0


_PROVINCE_ORDER = ("YT", "NT", "NU", "BC", "AB", "SK", "MB", "ON", "QC", "NB", "NS", "PE", "NL")


def _iso(moment) -> str | None:
    return None if moment is None else moment.isoformat(timespec="minutes")


def _as_json(data, row) -> dict:
    c = row["crossing"]
    notes = list(c.notes)
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
    d = row["at"].date()
    for kind in ("port_hours", "flagpoling"):
        for i, w in enumerate(getattr(c, kind)):
            if w.in_force(d):
                sources.append(
                    {"fact": f"{kind}[{i}]", "description": w.describe(), "url": w.source,
                     "as_of": w.as_of.isoformat(), "unverified": w.unverified}
                )
    if not row["dated"]:
        notes.append(data.no_schedule_note)
        if data.no_schedule_note_source:
            sources.append(
                {"fact": "no_schedule_note", "url": data.no_schedule_note_source,
                 "as_of": data.as_of.isoformat(), "unverified": False}
            )
    if not row["port_hours_known"]:
        notes.append("The data has no port hours for this date; the port is assumed open.")
    distance = row["distance"]
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
        "at": _iso(row["at"]),
        "port_open": row["port_open"],
        "port_hours_known": row["port_hours_known"],
        "flagpoling": row["flagpoling"],
        "flagpoling_until": _iso(row["until"]),
        "next_flagpoling": _iso(row["next"]),
        "dated_schedule": row["dated"],
        "unverified": any(s["unverified"] for s in sources),
        "distance_km": None if distance is None else round(distance, 1),
        "notes": notes,
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
    if naive:
        print(f"At {at:%a %Y-%m-%d %H:%M}, each crossing's local time.")
    else:
        print(f"At {at:%a %Y-%m-%d %H:%M %Z (UTC%z)}.".replace("  ", " "))
    if origin is not None:
        print(f"Distances from {origin[0]}.")
    if not rows:
        print("No crossing matches.")
        return
    table = []
    marks_used = set()
    for r in rows:
        c = r["crossing"]
        if r["flagpoling"]:
            now = "yes" + (f", until {_when(r['until'], r['at'])}" if r["until"] else ", around the clock")
        elif not r["port_open"]:
            now = "no (port closed)"
        else:
            now = "no"
        marks = ""
        if not r["dated"]:
            marks += "†"
        if not r["port_hours_known"] or any(
            w.unverified for w in (*c.port_hours, *c.flagpoling) if w.in_force(r["at"].date())
        ):
            marks += "?"
        if c.location.approximate and r["distance"] is not None:
            marks += "~"
        if c.pedestrians_allowed is False:
            marks += "⊘"
        marks_used.update(marks)
        distance = "" if r["distance"] is None else f"{r['distance']:.0f} km"
        table.append(
            (f"{c.name} {marks}".rstrip(), c.province, now, _when(r["next"], r["at"]), distance)
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
    wanted = {c.id for c in crossings} | {"*"}
    old = [f for f in stale_facts(data, today, days) if f.crossing_id in wanted]
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


# --- argument parsing ----------------------------------------------------------------------------


def _parse_at(text: str):
    """ISO date-time (naive = each crossing's local time), or a date alone (12:00 local)."""
    import re
    from datetime import date, datetime, time

    from tui.core.errors import FlagpoleError

    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.combine(date.fromisoformat(value), time(12, 0))
        return datetime.fromisoformat(value)
    except ValueError:
        raise FlagpoleError(
            f"--at: {text!r} is not a date and time; expected e.g. 2025-03-04T10:00 "
            "(crossing-local) or 2025-03-04T10:00-05:00"
        ) from None


def _parse_near(text: str, data):
    """(label, lat, lon) from "LAT,LON", a place name, or a crossing id/name."""
    import re

    from tui.core.crossings import closest_places, find_crossing, find_place, load_places
    from tui.core.errors import FlagpoleError

    match = re.fullmatch(r"\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)\s*", text)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise FlagpoleError(
                f"--near: {text!r} is not a latitude,longitude (latitude -90..90, "
                "longitude -180..180; west is negative, e.g. 49.05,-123.0)."
            )
        return (f"{lat:g},{lon:g}", lat, lon)
    places = load_places()
    place = find_place(places, text)
    if place is not None:
        return (f"{place.name}, {place.province}", place.lat, place.lon)
    try:
        crossing = find_crossing(data, text)
    except FlagpoleError:
        crossing = None
    if crossing is not None:
        return (crossing.name, crossing.location.lat, crossing.location.lon)
    close = closest_places(places, text)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise FlagpoleError(
        f"--near: unknown place {text!r}.{hint} Give LAT,LON (e.g. 49.05,-123.0), a crossing, or "
        f"one of: {', '.join(p.name for p in places)}."
    )


def _filter_province(crossings, text: str | None):
    """Crossings in the province ``text`` names (code or name, any case)."""
    if text is None:
        return crossings
    import difflib

    from tui.core.crossings import PROVINCES, normalize
    from tui.core.errors import FlagpoleError

    wanted = text.strip().upper()
    if wanted not in PROVINCES:
        by_name = {normalize(name): code for code, name in PROVINCES.items()}
        by_name.update({"quebec": "QC", "pei": "PE", "newfoundland": "NL"})
        code = by_name.get(normalize(text))
        if code is None:
            close = difflib.get_close_matches(normalize(text), list(by_name), n=3, cutoff=0.5)
            codes = list(dict.fromkeys(by_name.get(k, k) for k in close))
            hint = f" Did you mean: {', '.join(codes)}?" if codes else ""
            raise FlagpoleError(
                f"--province: unknown province {text!r}.{hint} Use a code: "
                f"{', '.join(PROVINCES)}."
            )
        wanted = code
    return [c for c in crossings if c.province == wanted]
