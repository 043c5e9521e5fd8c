"""The demo: the bundled invented person in a throwaway folder, removed however the app ends.

The folder goes on a normal quit, and on SIGTERM and SIGHUP (a closed terminal window, a
``kill``): those signals make the app exit cleanly instead of dying where it stands. On the way
out the app leaves ``goodbye`` words for the command line to print: what was thrown away, and
how to keep progress next time.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

from textual import work

from tui.core.storage import ProfileStore
from tui.failure import disk_words

DEMO_START = (
    "The demo runs in a throwaway folder: nothing of yours is touched, and nothing of the demo "
    "is kept when you quit."
)
DEMO_GOODBYE = (
    "The demo ran in a throwaway folder, which is now removed: its profile and journey were not "
    "kept. To keep your progress, make your own profile: run flagpole and press c (create) or "
    "i (import a profile file) on the welcome screen."
)
EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class DemoMode:
    """A mixin for FlagpoleApp: the throwaway demo folder and clean exits on signals."""

    throwaway_home: Path | None
    goodbye: str | None = None
    """Words for the terminal after the app closed (None: nothing to say)."""

    def catch_exit_signals(self) -> None:
        """Make SIGTERM and SIGHUP exit the app cleanly (so the demo folder is removed and the
        journal released). Only from the main thread with a running loop; else left alone."""
        import asyncio
        import threading

        if threading.current_thread() is not threading.main_thread():
            return
        try:
            loop = asyncio.get_running_loop()
            for number in EXIT_SIGNALS:
                loop.add_signal_handler(number, self.exit)  # type: ignore[attr-defined]
        except (RuntimeError, NotImplementedError, ValueError):
            pass

    def say_demo(self) -> None:
        """Tell the person the demo keeps nothing."""
        self.notify(DEMO_START, timeout=8)  # type: ignore[attr-defined]

    def action_try_demo(self) -> None:
        """Open the bundled invented person in a throwaway folder (nothing of yours is touched)."""
        self._open_demo()

    @work(thread=True, exclusive=True, group="open")
    def _open_demo(self) -> None:
        import tempfile

        from tui.core.errors import FlagpoleError
        from tui.core.profile_io import read_profile, save_stored
        from tui.core.resources import demo_profile_path

        try:
            home = Path(tempfile.mkdtemp(prefix="flagpole-demo-"))
            store = ProfileStore(home)
            save_stored(store, "demo", read_profile(demo_profile_path()))
        except (OSError, FlagpoleError) as exc:
            words = disk_words(exc, "set up the demo") if isinstance(exc, OSError) else str(exc)
            self.call_from_thread(self.notify, words, title="No demo", severity="error")  # type: ignore[attr-defined]
            return
        self.call_from_thread(self._switch_to_demo, store)  # type: ignore[attr-defined]

    def _switch_to_demo(self, store: ProfileStore) -> None:
        if self.throwaway_home is not None and self.throwaway_home != store.home:
            shutil.rmtree(self.throwaway_home, ignore_errors=True)
        self.throwaway_home = store.home
        self.store = store
        self.say_demo()
        self.open_profile("demo")  # type: ignore[attr-defined]

    def remove_throwaway(self) -> None:
        """Remove the demo folder (if any) and leave the goodbye words."""
        if self.throwaway_home is not None:
            shutil.rmtree(self.throwaway_home, ignore_errors=True)
            self.goodbye = DEMO_GOODBYE
