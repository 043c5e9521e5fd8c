"""FlagpoleApp: the Textual shell, built from its dependencies (a profile store, a clock, the data
folder) so tests pass fakes instead of patching.

Start-up, warm (everything already in the validated cache): ``flagpole run`` opens the day and
runs the rules before the app starts (``tui.commands.run.open_before_start``, no pydantic), and
the journey with its verdict is the app's default screen, so it is the first frame; the parts of
the stage under the fold are mounted once that frame is painted. Cold (the first start after an
install or an edit), the old way: a start screen, a worker opens the session (validating with
pydantic) and the journey is pushed; a second worker loads the crossings and policy data and
runs the rules, and the verdict, the permit check and the crossing's local time fill in.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.core.clock import Clock, system_clock
from tui.core.storage import ProfileStore
from tui.day_actions import DayActions
from tui.demo import DemoMode
from tui.failure import FailurePath, disk_words
from tui.palette import FlagpoleCommands
from tui.place_actions import PlaceActions

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.session import Session
    from tui.core.verdict import Verdict
    from tui.screens.journey import JourneyScreen

BENCH_ENV = "FLAGPOLE_EXIT_WHEN_READY"
"""Benchmark hook (benchmarks/startup.py): when set, the app runs headless, writes
``flagpole-ready journey=<monotonic> verdict=<monotonic>`` to stderr once the journey screen and
then the verdict are on screen, and exits."""


class FlagpoleApp(PlaceActions, DayActions, DemoMode, FailurePath, App[int]):
    """The flagpole app."""

    TITLE = "flagpole"
    CSS_PATH = ["app.tcss", "journey.tcss", "rehearsal.tcss"]
    COMMANDS = App.COMMANDS | {FlagpoleCommands}
    BINDINGS = [
        Binding("q,f10", "quit", "Quit", key_display="q", id="quit"),
        Binding("g,f2", "command_palette", "Go to…", key_display="g/F2", id="go-to"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, priority=True, id="palette"),
        Binding("question_mark,f1", "show_help", "Help", key_display="?/F1", id="help"),
    ]

    def __init__(
        self,
        store: ProfileStore,
        profile_name: str | None = None,
        clock: Clock = system_clock,
        *,
        data_dir: Path | None = None,
        journey_id: str | None = None,
        throwaway_home: Path | None = None,
        session: Session | None = None,
        theme: str | None = None,
    ) -> None:
        """``store`` holds the profiles (and its home the journals); ``profile_name`` the one to
        open (None: the no-profile screen); ``clock`` gives now; ``data_dir`` replaces the
        bundled data folder; ``journey_id`` picks a crossing day other than the planned one;
        ``throwaway_home``: the store is a demo folder, removed when the app ends; ``session``:
        the day of ``profile_name`` already opened (and its verdict attached, when the rules
        ran), so the journey is the first screen painted; ``theme``: the remembered theme, read
        with it (else read by a worker)."""
        super().__init__()
        self.store = store
        self.data_home = store.home
        """Where crash reports go (the demo's throwaway folder is removed at exit)."""
        self.profile_name = profile_name
        self.clock = clock
        self.data_dir = Path(data_dir) if data_dir else None
        self.journey_id = journey_id
        self.session: Session | None = None
        self.throwaway_home: Path | None = throwaway_home
        """A demo folder (--demo, or opened from the welcome screen), removed when the app ends."""
        self._opened = session if profile_name else None
        """The day opened before the start: the first screen (taken over at mount)."""
        if theme:  # before the first frame: no repaint in another theme
            self.theme = theme
        self._settings_lock = threading.Lock()
        self._bench = bool(os.environ.get(BENCH_ENV))
        self._bench_marks: dict[str, float] = {"app": time.monotonic()} if self._bench else {}

    def run(self, *args, **kwargs):
        """Run the app (headless under the benchmark hook)."""
        if self._bench:
            kwargs.setdefault("headless", True)
            kwargs.setdefault("size", (100, 30))
        return super().run(*args, **kwargs)

    def get_default_screen(self) -> Screen:
        """The first screen: the day opened before the start (so nothing else paints first),
        else an empty screen showing what is being opened (``compose``)."""
        if self._opened is not None:
            from tui.screens.journey import JourneyScreen

            return JourneyScreen(self._opened)
        return super().get_default_screen()

    def compose(self) -> ComposeResult:
        """What shows while the profile opens (a fraction of a second; no header or footer, so
        the first paint is cheap); nothing over the day opened before the start."""
        if self._opened is not None:
            return
        yield Static(
            f"Opening {self.profile_name}…" if self.profile_name else "",
            id="start-message",
            markup=False,
        )

    def on_mount(self) -> None:
        """Take over the day opened before the start (its journey is the first screen), or open
        the profile, or show the welcome screen; apply the remembered theme. What the first
        frame does not need (the demo's notice, tidying the data folder, remembering the
        profile) waits until it is painted."""
        self.catch_exit_signals()
        opened, self._opened = self._opened, None
        if opened is not None:
            self._adopt(opened)
            self._session_shown(opened)
            self.call_after_refresh(self._remember, last_profile=self.profile_name)
        elif self.profile_name:
            self._load_settings()
            self.open_profile(self.profile_name)
        else:
            self._list_profiles(apply_theme=True)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        import gc

        if not gc.isenabled():  # paused by the run command for the start: what lives now stays
            gc.freeze()
            gc.enable()
        self._tidy()
        if self.throwaway_home is not None:
            self.say_demo()

    @work(thread=True, exclusive=True, group="settings")
    def _load_settings(self) -> None:
        """Read the remembered theme (a small file, still off the event loop)."""
        from tui.core.settings import load_settings

        settings = load_settings(self.store.home)
        self.call_from_thread(setattr, self, "theme", settings.theme)

    @work(thread=True, group="settings-save")
    def _remember(self, **changes: str) -> None:
        """Save preferences (theme, last profile) atomically."""
        from dataclasses import replace

        from tui.core.settings import load_settings, save_settings

        if self.throwaway_home is not None:
            return
        with self._settings_lock:  # two quick changes must not overwrite each other
            current = load_settings(self.store.home)
            wanted = replace(current, **changes)
            if wanted == current:
                return  # reopening the same profile writes nothing
            try:
                save_settings(self.store.home, wanted)
            except OSError:
                pass  # a preference is not worth an error message

    # --- opening -------------------------------------------------------------------------------

    def open_profile(self, name: str) -> None:
        """Open the stored profile ``name`` (in a worker) and show its journey."""
        self.profile_name = name
        if self.session is not None:  # release this window's lock so the reopen can write
            self.session.close()
        self._open_session(name)
        self._remember(last_profile=name)

    @work(thread=True, exclusive=True, group="open")
    def _open_session(self, name: str) -> None:
        """Read the profile and the stage data, open the journal: off the event loop."""
        from tui.core.errors import FlagpoleError
        from tui.core.session import Session

        try:
            session = Session.open(
                self.store, name, self.clock, data_dir=self.data_dir, journey_id=self.journey_id
            )
        except FlagpoleError as exc:
            self.call_from_thread(self._failed, str(exc))
            return
        except OSError as exc:
            self.call_from_thread(self._failed, disk_words(exc, "open the day's journal"))
            return
        self.call_from_thread(self._session_ready, session)  # type: ignore[arg-type]  # an async callback

    @work(thread=True, exclusive=True, group="open")
    def _list_profiles(self, apply_theme: bool = False) -> None:
        """List the stored profiles, last used first (folder and settings reads: a worker);
        at start-up, the same settings read also gives the theme."""
        from tui.core.settings import load_settings

        settings = load_settings(self.store.home)
        if apply_theme:
            self.call_from_thread(setattr, self, "theme", settings.theme)
        try:
            names = [p.name for p in self.store.list()]
        except OSError as exc:
            names = []
            self.call_from_thread(
                self.notify, disk_words(exc, "list the stored profiles"), title="Could not read", severity="error"
            )
        if settings.last_profile in names:
            names.remove(settings.last_profile)
            names.insert(0, settings.last_profile)
        self.call_from_thread(self._show_welcome, names)

    def _show_welcome(self, names: list[str]) -> None:
        from tui.screens.welcome import WelcomeScreen

        if isinstance(self.screen, WelcomeScreen):
            self.pop_screen()
        self.push_screen(WelcomeScreen(names))

    def _failed(self, message: str) -> None:
        starts = self.screen_stack[0].query("#start-message").results(Static)
        start = next(iter(starts), None)
        if start is not None:
            start.update(f"Could not open the profile.\n\n{message}\n\nPress q to quit.")
        if len(self.screen_stack) > 1 or start is None:
            self.notify(message, title="Could not open the profile", severity="error")

    def _adopt(self, session: Session) -> None:
        """Make ``session`` the open day (closing the one before)."""
        if self.session is not None and self.session is not session:
            self.session.close()
        self.session = session
        session.journal.on_write_error = self._journal_write_failed

    async def _session_ready(self, session: Session) -> None:
        """Show the journey of ``session`` (opened by a worker) instead of what is shown."""
        from tui.screens.journey import JourneyScreen

        self._adopt(session)
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if isinstance(self.screen, JourneyScreen):  # the first screen is a day: show this one
            await self.screen.show_session(session)
        else:
            await self.push_screen(JourneyScreen(session))
        self._session_shown(session)

    def _session_shown(self, session: Session) -> None:
        """Say what the person must know about the day just shown (a repaired journal, a
        read-only window, a passed plan date, a failed write); then, once it is painted, run
        the rules if they have not run."""
        problems = session.problems
        if problems:
            lines = "; ".join(f"line {p.number}: {p.reason}" for p in problems)
            self.notify(
                f"Part of the journal could not be read and was skipped ({lines}). "
                f"Resumed at {session.current.title} with everything before it.",
                title="Journal repaired",
                severity="warning",
                timeout=12,
            )
        if session.read_only:
            self.say_read_only()
        elif session.plan_passed:
            self.ask_if_today(session)
        elif session.journal.write_error is not None:
            self._journal_write_failed(session.journal.write_error)
        # The rules run once the journey is painted, so the first paint does not wait for them.
        self.call_after_refresh(self._journey_painted, session)

    def _journey_painted(self, session: Session) -> None:
        if self._bench:
            self._bench_mark("journey")
        screen = self.journey_screen
        if screen is not None:
            screen.first_frame_painted()
        if session.verdict is None:
            self._build_verdict(session)
        elif self._bench:
            self._bench_mark("verdict")  # computed before the first frame: on screen with it

    @work(thread=True, exclusive=True, group="verdict")
    def _build_verdict(self, session: Session) -> None:
        """Load the crossings and policy data and run the rules, off the event loop."""
        from tui.core.errors import FlagpoleError
        from tui.core.verdict import Verdict

        try:
            verdict = Verdict.build(session.profile, session.now(), self.data_dir)
        except FlagpoleError as exc:
            self.call_from_thread(
                self.notify, str(exc), title="Could not run the checks", severity="error", timeout=20
            )
            return
        self.call_from_thread(self._verdict_ready, session, verdict)  # type: ignore[arg-type]  # async

    async def _verdict_ready(self, session: Session, verdict: Verdict) -> None:
        session.attach_verdict(verdict)
        screen = self.journey_screen
        if screen is not None:
            await screen.verdict_ready()
        if self._bench:
            self.call_after_refresh(self._bench_mark, "verdict")

    def _bench_mark(self, name: str) -> None:
        self._bench_marks[name] = time.monotonic()
        if {"journey", "verdict"} <= set(self._bench_marks):
            marks = " ".join(f"{k}={v:.6f}" for k, v in sorted(self._bench_marks.items()))
            os.write((sys.__stderr__ or sys.stderr).fileno(), f"flagpole-ready {marks}\n".encode())
            self.exit(0)

    # --- navigation used by the palette ----------------------------------------------------------

    @property
    def journey_screen(self) -> JourneyScreen | None:
        """The journey screen, if it is on the stack."""
        from tui.screens.journey import JourneyScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, JourneyScreen):
                return screen
        return None

    def _back_to_journey(self) -> JourneyScreen | None:
        from tui.screens.journey import JourneyScreen

        screen = self.journey_screen
        if screen is None:
            return None
        while not isinstance(self.screen, JourneyScreen):
            self.pop_screen()
        return screen

    async def go_to_stage(self, stage_id: str) -> None:
        """Show the journey screen and move to ``stage_id`` (asking first where the journey does)."""
        screen = self._back_to_journey()
        if screen is not None:
            await screen.request_move(stage_id)

    async def run_journey_action(self, action: str) -> None:
        """Run a journey-screen action (next_stage, previous_stage, export, show_log)."""
        screen = self._back_to_journey()
        if screen is not None:
            await screen.run_action(action)

    def action_show_journey(self) -> None:
        """Bring the journey screen to the top."""
        self._back_to_journey()

    def action_show_help(self) -> None:
        """Keys and marks."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_welcome(self) -> None:
        """The welcome screen: create, import, demo, or pick a stored profile."""
        self._list_profiles()

    def action_toggle_theme(self) -> None:
        """Switch between the dark and light themes; the choice is remembered."""
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
        self._remember(theme=self.theme)

    async def action_quit(self) -> None:
        """Quit; from a form with unsaved changes, ask first."""
        if not getattr(self.screen, "dirty", False):
            self.exit()
            return
        from tui.screens.ask import AskScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(
            AskScreen("Quit without saving?", "Your profile changes are not saved.", yes="Quit", no="Stay"),
            answered,
        )

    def on_unmount(self) -> None:
        """Release the journal (saving what a failed write left); remove a demo folder."""
        if self.session is not None:
            self.session.close()
        self.remove_throwaway()

