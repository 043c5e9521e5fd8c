"""``flagpole check NAME|PATH [--on DATE|DATETIME] [--json]``: is this person ready?"""

from __future__ import annotations

import argparse


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "check",
        help="check a profile: eligibility, readiness and the issued permit",
        description="Check a profile for the planned crossing. Exit status: 0 no errors, "
        "1 at least one error finding, 2 the file cannot be read or is not a valid profile.",
    )
    p.add_argument("profile", metavar="NAME|PATH", help="stored profile or profile file")
    p.add_argument("--on", metavar="DATE|DATETIME", help="evaluate at this date or moment")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Load and validate the profile (the rules arrive with the rules engine)."""
    from tui.commands.common import store_from
    from tui.core.profile_io import resolve_profile

    label, _profile = resolve_profile(store_from(args), args.profile)
    print(f"{label}: a valid profile.")
    return 0
