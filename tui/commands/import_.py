"""``flagpole import PATH [--name NAME] [--force]``: validate a profile file, then store it."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "import",
        help="validate a profile file and store it",
        description="Validate a profile TOML file and store it under a name. "
        "Nothing stored changes when the file is not valid.",
    )
    p.add_argument("path", metavar="PATH", help="profile TOML file")
    p.add_argument("--name", help="name to store it under (default: the file name)")
    p.add_argument("--force", action="store_true", help="replace a stored profile of that name")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Validate the file and store it; refuses to replace an existing name without --force."""
    from tui.commands.common import store_from
    from tui.core.transfer import ProfileExists, import_profile

    store = store_from(args)
    try:
        name = import_profile(store, Path(args.path), args.name, force=args.force)
    except ProfileExists as exc:
        raise ProfileExists(exc.name, "use --force to replace it", "another --name") from None
    print(f"Stored {name!r} ({store.path_for(name)}).")
    return 0
