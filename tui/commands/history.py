"""``flagpole history [--json]``: the border history (each US turn-around, as facts)."""

from __future__ import annotations

import argparse
import sys


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "history",
        help="your border history: each US turn-around",
        description="Each flagpoling day's US turn-around as recorded in the app: date, "
        "crossing and what the US side handed over. Kept even when a profile is deleted.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the history, oldest first."""
    from tui.commands.common import home_from, print_json
    from tui.core.history import BorderHistory

    history = BorderHistory(home_from(args)).read()
    if history.unreadable:
        print(
            f"flagpole: {history.unreadable} line(s) of the history file could not be read "
            "and are not shown.",
            file=sys.stderr,
        )
    if args.json:
        print_json([entry.to_json() for entry in history.entries])
        return 0
    if not history.entries:
        print("No border history yet. The app records each US turn-around on the day.")
        return 0
    for entry in history.entries:
        handed = "; ".join(entry.handed_over) or "nothing recorded"
        print(f"{entry.day.isoformat()}  {entry.crossing_name}  — handed over: {handed}")
        if entry.note:
            print(f"            note: {entry.note}")
    print(
        "\nThese are the facts you recorded. If a form asks whether you were ever refused entry, "
        "answer truthfully; sources disagree on whether a flagpoling turn-around counts."
    )
    return 0
