"""``flagpole profiles [--json]``: the stored profiles."""

from __future__ import annotations

import argparse
from datetime import datetime


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser("profiles", help="list the stored profiles")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """List stored profiles, most recently written first."""
    from tui.commands.common import print_json, store_from

    store = store_from(args)
    stored = store.list()
    if args.json:
        print_json(
            [
                {
                    "name": p.name,
                    "path": str(p.path),
                    "modified": datetime.fromtimestamp(p.modified).astimezone().isoformat(
                        timespec="seconds"
                    ),
                }
                for p in stored
            ]
        )
        return 0
    if not stored:
        print(f"No stored profiles in {store.folder}. Add one with 'flagpole import PATH'.")
        return 0
    for p in stored:
        when = datetime.fromtimestamp(p.modified).strftime("%Y-%m-%d %H:%M")
        print(f"{p.name:<24} {when}  {p.path}")
    return 0
