"""``flagpole run [NAME|PATH]`` (and ``flagpole`` alone, and ``--demo``): open the app."""

from __future__ import annotations

import argparse


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser("run", help="open the app (optionally on a profile)")
    p.add_argument("profile", nargs="?", metavar="NAME|PATH", help="stored profile or file")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Start the Textual app; this is the only command that imports the UI.

    Nothing is parsed before the UI starts (the app validates the profile as it opens it and
    shows any problem), except a profile *file*, which is imported like 'flagpole import' first.
    """
    import gc
    import shutil
    import tempfile
    from pathlib import Path

    # Start-up allocates many objects that all stay alive (modules, classes, widgets): no
    # collection runs over them until the first frame is painted (FlagpoleApp turns it back on).
    gc.disable()

    from tui.commands.common import home_from
    from tui.core.errors import FlagpoleError
    from tui.core.resources import demo_profile_path
    from tui.core.storage import ProfileStore

    profile_name = None
    throwaway = None
    if args.demo:
        throwaway = Path(tempfile.mkdtemp(prefix="flagpole-demo-"))
        store = ProfileStore(throwaway)
        store.write_bytes("demo", demo_profile_path().read_bytes())
        profile_name = "demo"
    else:
        store = ProfileStore(home_from(args))
        ref = args.profile
        as_file = Path(ref).expanduser() if ref else None
        if as_file is not None and (as_file.is_file() or "/" in ref or ref.endswith(".toml")):
            profile_name = as_file.stem
            if not store.exists(profile_name):
                from tui.core.transfer import import_profile

                import_profile(store, as_file, profile_name)
            elif store.path_for(profile_name).resolve() != as_file.resolve():
                raise FlagpoleError(
                    f"A profile named {profile_name!r} is already stored; open it with "
                    f"'flagpole run {profile_name}' or import the file under another name."
                )
        elif ref:
            store.require(ref)
            profile_name = ref
    from tui.core.clock import system_clock

    session = open_before_start(store, profile_name, system_clock)
    theme = None
    if session is not None:  # the journey is the first frame: in the remembered theme already
        from tui.core.settings import load_settings

        theme = load_settings(store.home).theme
    try:
        from tui.app import FlagpoleApp

        app = FlagpoleApp(store=store, profile_name=profile_name, clock=system_clock, throwaway_home=throwaway,
                          session=session, theme=theme)
        app.run()
        if app.goodbye:
            print(app.goodbye)
        return app.return_code or 0
    finally:
        if session is not None:
            session.close()  # the app closed it already; a second close does nothing
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


def open_before_start(store, profile_name: str | None, clock, data_dir=None):
    """The profile's day opened, with the rules' verdict attached, before the UI starts, so the
    journey with its verdict is the app's first frame. Only from the validated cache (a warm
    start: tens of milliseconds, no pydantic); what would need validating first (the first start
    after an install or an edit) is left to the app's workers, as is any failure, which the app
    then says in words. Returns the session (its verdict None when the rules' data is cold), or
    None when there is no profile, its day is cold, or anything fails."""
    if profile_name is None:
        return None
    from tui.core.session import Session
    from tui.core.validated_cache import warm_only
    from tui.core.verdict import Verdict

    with warm_only():
        try:
            session = Session.open(store, profile_name, clock, data_dir=data_dir)
        except Exception:  # noqa: BLE001 - cold or failed: the app opens it and reports in words
            return None
        try:
            session.attach_verdict(Verdict.build(session.profile, session.now(), data_dir))
        except Exception:  # noqa: BLE001 - cold or failed: the app runs the rules in a worker
            pass
    return session
