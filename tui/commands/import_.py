"""``flagpole import PATH [--name NAME] [--force]``: validate a profile file, then store it."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.core.errors import FlagpoleError


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
    from tui.core.profile_io import dump_profile, read_profile
    from tui.core.storage import check_name

    path = Path(args.path).expanduser()
    profile = read_profile(path)
    name = check_name(args.name or path.stem)
    store = store_from(args)
    if store.exists(name) and not args.force:
        raise FlagpoleError(
            f"A profile named {name!r} is already stored; use --force to replace it "
            "(the previous version is kept) or --name to store it under another name."
        )
    stored = store.write_bytes(name, dump_profile(profile).encode("utf-8"))
    print(f"Stored {name!r} ({stored}).")
    return 0
