"""``flagpole run [NAME|PATH]`` (and ``flagpole`` alone, and ``--demo``): open the app."""

from __future__ import annotations

import argparse


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser("run", help="open the app (optionally on a profile)")
    p.add_argument("profile", nargs="?", metavar="NAME|PATH", help="stored profile or file")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Start the Textual app; this is the only command that imports the UI."""
    import shutil
    import tempfile
    from pathlib import Path

    from tui.commands.common import home_from
    from tui.core.profile_io import resolve_profile, save_stored
    from tui.core.resources import demo_profile_path
    from tui.core.storage import ProfileStore

    profile_name = None
    throwaway = None
    if args.demo:
        throwaway = Path(tempfile.mkdtemp(prefix="flagpole-demo-"))
        store = ProfileStore(throwaway)
        _, profile = resolve_profile(store, str(demo_profile_path()))
        save_stored(store, "demo", profile)
        profile_name = "demo"
    else:
        store = ProfileStore(home_from(args))
        if args.profile:
            label, profile = resolve_profile(store, args.profile)
            if Path(label).is_file():
                profile_name = Path(label).stem
                if not store.exists(profile_name):
                    save_stored(store, profile_name, profile)
                elif store.path_for(profile_name).resolve() != Path(label).resolve():
                    from tui.core.errors import FlagpoleError

                    raise FlagpoleError(
                        f"A profile named {profile_name!r} is already stored; open it with "
                        f"'flagpole run {profile_name}' or import the file under another name."
                    )
            else:
                profile_name = label
    try:
        from tui.app import FlagpoleApp

        app = FlagpoleApp(store=store, profile_name=profile_name)
        app.run()
        return app.return_code or 0
    finally:
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)
