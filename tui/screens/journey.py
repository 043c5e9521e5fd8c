"""The journey screen: the stepper on the left, the current stage on the right.

Every change goes through the Session, which records it in the journal before the screen
updates. File work (the Markdown export) runs in a worker thread; the journal append itself is a
tiny synchronous write + fsync on purpose (see ``tui.core.journal``).
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.core.session import Session
from tui.widgets.checklist import CheckItem
from tui.widgets.stage import SummaryPanel, StageView
from tui.widgets.stepper import Stepper
from tui.widgets.words import clock_words

CLOCK_SECONDS = 15
"""How often the header time and the time-in-stage are refreshed."""


class JourneyScreen(Screen):
    """The day, one stage at a time."""

    BINDINGS = [
        Binding("n,f6", "next_stage", "Next", key_display="n/F6", id="next-stage"),
        Binding("p,f5", "previous_stage", "Back", key_display="p/F5", id="previous-stage"),
        Binding("l,f3", "show_log", "Log", key_display="l/F3", id="show-log"),
        Binding("e,f4", "export", "Export", key_display="e/F4", id="export-log"),
        Binding("o", "app.edit_profile", "Profile", show=False, id="edit-profile"),
        Binding("c", "app.find_crossing", "Crossings", show=False, id="find-crossing"),
        Binding("h", "app.show_history", "History", show=False, id="show-history"),
        Binding("t", "app.toggle_theme", "Theme", show=False, id="toggle-theme"),
    ]

    def __init__(self, session: Session) -> None:
        """The journey of ``session``."""
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """Header, stepper + stage, footer."""
        route = self.session.route
        yield Header()
        if self.session.banner:  # a rehearsal says so
            yield Static(self.session.banner, id="journey-banner", markup=False)
        with Horizontal(id="journey-body"):
            yield Stepper(
                [(s.id, s.title) for s in route.stages], self.session.current.id, self._visited(), id="stepper"
            )
            yield StageView(self.session, self.session.current, id="stage-view")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        """Set the header, start the clock."""
        self.title = f"flagpole · {self.session.profile_name}"
        self.update_clock()
        self.set_interval(CLOCK_SECONDS, self.update_clock)

    # --- display -------------------------------------------------------------------------------

    def _visited(self) -> set[str]:
        state = self.session.state
        return {s.id for s in self.session.route.stages if state.visited(s.id)}

    def _mark(self) -> None:
        self.query_one(Stepper).mark(self.session.current.id, self._visited())

    def update_clock(self) -> None:
        """Header: the local time at the crossing; the stage's time spent."""
        now = self.session.now()
        verdict = self.session.verdict
        if verdict is not None and verdict.crossing is not None:
            self.sub_title = f"{verdict.crossing.name}: {clock_words(verdict.local_now(now))}"
        else:
            self.sub_title = f"your clock: {clock_words(now.astimezone())}"
        for view in self.query(StageView):
            view.refresh_time()

    async def verdict_ready(self) -> None:
        """The rules have run: update the header and the stage's panel."""
        self.update_clock()
        await self.query_one(StageView).verdict_ready()

    async def show_stage(self) -> None:
        """Replace the stage view with the current stage."""
        old = self.query_one(StageView)
        await old.remove()
        view = StageView(self.session, self.session.current, id="stage-view")
        await self.query_one("#journey-body").mount(view)
        self._mark()
        view.focus()

    # --- moving between stages -----------------------------------------------------------------

    async def request_move(self, stage_id: str) -> None:
        """Go to ``stage_id``; leaving the permit review forwards with an error standing, or with
        fields not checked yet, asks first."""
        session = self.session
        current = session.current
        if stage_id == current.id:
            return
        # --- the leave question (permit review) ---
        moving_on = session.route.index(stage_id) > session.route.index(current.id)
        reviewing = current.panel == "permit_review" and session.verdict is not None
        errors = session.permit_errors() if reviewing else []
        unchecked = session.permit_unchecked() if reviewing else []
        if moving_on and (errors or unchecked):
            from tui.core.journal import PERMIT_FIELDS
            from tui.screens.confirm import ConfirmLeaveScreen

            fix = session.route.fix.title if session.route.fix else "a request by mail"
            labels = [dict(PERMIT_FIELDS)[key] for key in unchecked]

            async def answered(leave: bool | None) -> None:
                session.decide_leave(bool(leave), [f.id for f in errors], unchecked)
                if leave:
                    await self._move(stage_id)
                else:
                    self.notify("Stayed at the permit review. Check the rest now.", title="Decision saved")

            self.app.push_screen(ConfirmLeaveScreen(errors, _fix_words(fix), unchecked=labels), answered)
            return
        # --- end of the leave question ---
        await self._move(stage_id)

    async def _move(self, stage_id: str) -> None:
        self.session.go_to(stage_id)
        await self.show_stage()

    async def action_next_stage(self) -> None:
        """Go to the next stage."""
        target = self.session.route.next_id(self.session.current.id)
        if target is None:
            self.notify("This is the last stage.", severity="information")
            return
        await self.request_move(target)

    async def action_previous_stage(self) -> None:
        """Go to the previous stage."""
        target = self.session.route.previous_id(self.session.current.id)
        if target is None:
            self.notify("This is the first stage.", severity="information")
            return
        await self.request_move(target)

    async def on_stepper_selected(self, event: Stepper.Selected) -> None:
        """A click on a stage in the stepper."""
        await self.request_move(event.stage_id)

    def on_check_item_toggled(self, event: CheckItem.Toggled) -> None:
        """Record a tick at once."""
        self.session.tick(event.item.stage_id, event.item.item_id, event.checked)

    # --- log and export ------------------------------------------------------------------------

    def action_show_log(self) -> None:
        """Open the journey log."""
        from tui.screens.log import LogScreen

        self.app.push_screen(LogScreen(self.session))

    def action_export(self) -> None:
        """Write the Markdown log (in a worker thread)."""
        from tui.core.journal_export import journal_markdown

        text = journal_markdown(self.session.state, self.session.export_context())
        self._write_export(self.session.export_target(), text)

    @work(thread=True, exclusive=True, group="export")
    def _write_export(self, path: Path, text: str) -> None:
        """Atomic write into HOME/exports/ (0600), off the event loop."""
        from tui.core.storage import atomic_write

        try:
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            self.app.call_from_thread(
                self.notify, f"Could not write {path}: {exc.strerror or exc}", severity="error"
            )
            return
        self.app.call_from_thread(self._exported, path)

    def _exported(self, path: Path) -> None:
        self.session.exported(path)
        for panel in self.query(SummaryPanel):
            panel.refresh_export()
        self.notify(f"Log exported to {path}", title="Exported")


def _fix_words(title: str) -> str:
    """'Fixing the permit after you left: Guide 5218 / IMM 1436' → 'a request by mail (Guide…)'."""
    tail = title.split(":", 1)[1].strip() if ":" in title else title
    return f"a request by mail ({tail}), while the permit is still valid"
