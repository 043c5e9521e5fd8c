"""``flagpole history [--json] [--delete ID | --note ID TEXT]``: the border history (each US
turn-around, as facts), with an id per entry to annotate or delete it."""

from __future__ import annotations

import argparse
import sys


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "history",
        help="your border history: each US turn-around",
        description="Each flagpoling day's US turn-around as recorded in the app: date, "
        "crossing and what the US side handed over. Kept even when a profile is deleted. "
        "The history is yours: add a note to an entry, or delete one, by the id listed.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    change = p.add_mutually_exclusive_group()
    change.add_argument("--delete", metavar="ID", help="delete the entry with this id")
    change.add_argument(
        "--note", nargs=2, metavar=("ID", "TEXT"), help="set the note of an entry (empty text clears it)"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the history, oldest first, or delete or annotate one entry."""
    from tui.commands.common import home_from
    from tui.core.history import BorderHistory

    history = BorderHistory(home_from(args))
    if getattr(args, "delete", None) is not None or getattr(args, "note", None) is not None:
        return _change(history, args)
    return _list(history, args)


def _change(history, args: argparse.Namespace) -> int:
    """Delete or annotate one entry; exit 2 with a message when the id is unknown."""
    from tui.core.clock import system_clock
    from tui.core.errors import FlagpoleError
    from tui.core.history import UnknownEntry

    now = system_clock()
    entry_id = args.delete if args.delete is not None else args.note[0]
    try:
        if args.delete is not None:
            entry = history.delete(entry_id, now)
            print(f"Deleted {entry.id}: {entry.day.isoformat()}  {entry.crossing_name}. "
                  "It is no longer listed, shown in the app or exported.")
        else:
            entry = history.note(entry_id, args.note[1], now)
            said = f"note: {entry.note}" if entry.note else "note cleared"
            print(f"{entry.id}: {entry.day.isoformat()}  {entry.crossing_name}  — {said}")
    except UnknownEntry:
        raise FlagpoleError(
            f"no entry with id {entry_id.strip()!r} in the border history; "
            "'flagpole history' lists the ids."
        ) from None
    return 0


def _list(history, args: argparse.Namespace) -> int:
    from tui.commands.common import print_json

    read = history.read()
    if read.unreadable:
        print(
            f"flagpole: {read.unreadable} line(s) of the history file could not be read "
            "and are not shown.",
            file=sys.stderr,
        )
    if args.json:
        print_json([entry.to_json() for entry in read.entries])
        return 0
    if not read.entries:
        print("No border history yet. The app records each US turn-around on the day.")
        return 0
    for entry in read.entries:
        handed = "; ".join(entry.handed_over) or "nothing recorded"
        print(f"{entry.day.isoformat()}  {entry.crossing_name}  — handed over: {handed}  [id {entry.id}]")
        if entry.note:
            print(f"            note: {entry.note}")
    print(
        "\nThese are the facts you recorded. If a form asks whether you were ever refused entry, "
        "answer truthfully; sources disagree on whether a flagpoling turn-around counts."
        "\nTo add a note: flagpole history --note ID TEXT. To delete: flagpole history --delete ID."
    )
    return 0
