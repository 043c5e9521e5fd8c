"""``flagpole airports [--find TEXT] [--json]``: the airports of the arrival-by-air route."""

from __future__ import annotations

import argparse
import sys


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "airports",
        help="list the airports where a permit can be issued on arrival by air",
        description="The Canadian airports with CBSA immigration that the arrival-by-air route "
        "knows: code, name, city, province, time zone, coordinates, what is known of the CBSA "
        "offices (unknown is said, never guessed) and the sources.",
    )
    p.add_argument(
        "--find",
        metavar="TEXT",
        help="only airports matching a code, city or name (YVR, Montreal, Pearson…)",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """List the airports; returns 0, raises FlagpoleError on bad data."""
    from tui.core.airports import load_airports, search

    data = load_airports()
    airports = search(data, args.find) if args.find else list(data.airports.values())
    if args.json:
        from tui.commands.common import print_json

        print_json([_as_json(a) for a in airports])
        return 0
    _print_table(airports, args.find)
    return 0


def _office_json(fact) -> dict | None:
    if fact is None:
        return None
    return {
        "description": fact.description,
        "source": fact.source,
        "as_of": fact.as_of.isoformat(),
        "unverified": fact.unverified,
        "note": fact.note,
    }


def _as_json(a) -> dict:
    return {
        "id": a.id,
        "code": a.code,
        "name": a.name,
        "city": a.city,
        "province": a.province,
        "time_zone": a.time_zone,
        "lat": a.location.lat,
        "lon": a.location.lon,
        "location_approximate": a.location.approximate,
        "aliases": list(a.aliases),
        "cbsa_office": {
            "arrivals": _office_json(a.cbsa_office.arrivals),
            "landside": _office_json(a.cbsa_office.landside),
        },
        "notes": list(a.notes),
        "sources": a.sources(),
    }


def _office_text(fact) -> str:
    if fact is None:
        return "unknown"
    return fact.description + (" (unverified)" if fact.unverified else "")


def _print_table(airports, find: str | None) -> None:
    if not airports:
        print(f"No airport matches '{find}'." if find else "No airports in the data.")
        return
    rows = [(a.code, a.name, a.city, a.province, a.time_zone) for a in airports]
    headers = ("Code", "Airport", "City", "Prov", "Time zone")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    out = []
    for line in [headers, *rows]:
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
    if len(airports) <= 3:  # a search: show what is known of the CBSA offices too
        for a in airports:
            out += ["", f"{a.code} {a.name}"]
            out.append(f"  CBSA on arrival: {_office_text(a.cbsa_office.arrivals)}")
            out.append(f"  CBSA landside office: {_office_text(a.cbsa_office.landside)}")
    out += ["", f"{len(airports)} airport{'' if len(airports) == 1 else 's'}."]
    sys.stdout.write("\n".join(out) + "\n")
