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
from textual.widgets import Header, Static

from tui.core.session import Session
from tui.widgets.checklist import CheckItem
from tui.widgets.footer import KeysFooter
from tui.widgets.stage import StageView, SummaryPanel, banner_words, not_eligible
from tui.widgets.stepper import Stepper
from tui.widgets.words import clock_words

CLOCK_SECONDS = 15
"""How often the header time and the time-in-stage are refreshed."""


class JourneyScreen(Screen):
    """The day, one stage at a time."""

    BINDINGS = [
        Binding("n,f6", "next_stage", "Next", key_display="n", id="next-stage"),
        Binding("p,f5", "previous_stage", "Back", key_display="p", id="previous-stage"),
        Binding("o", "app.edit_profile", "Profile", id="edit-profile"),
        Binding("c", "app.find_crossing", "Crossing", id="find-crossing"),
        Binding("h", "app.show_history", "History", id="show-history"),
        Binding("l,f3", "show_log", "Log", key_display="l", id="show-log"),
        Binding("e,f4", "export", "Export", key_display="e", id="export-log"),
        Binding("g,f2", "app.command_palette", "Menu", key_display="g", id="journey-go-to"),
        Binding("question_mark,f1", "app.show_help", "Help", key_display="?", id="journey-help"),
        Binding("t", "app.toggle_theme", "Theme", show=False, id="toggle-theme"),
    ]
    """Every key the screen offers is in the footer (the F-key twins are in the help screen);
    the footer is compact so all of them fit at 80 columns."""

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
            yield StageView(self.session, self.session.current, below_later=True, id="stage-view")
        yield KeysFooter(show_command_palette=False, id="journey-footer")

    async def show_session(self, session: Session) -> None:
        """Show another opening of the day (the profile reopened after an edit) in place of
        this one; its parts under the fold follow ``first_frame_painted`` as at the start."""
        self.session = session
        await self.recompose()
        self.title = f"flagpole · {session.profile_name}"
        self.update_clock()

    def first_frame_painted(self) -> None:
        """The app's first frame is on screen: now mount the stage's parts under the fold."""
        for view in self.query(StageView):
            self.call_later(view.mount_below)

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
        """Header: the time where the day happens (the crossing's zone, or the airport's on
        the arrival-by-air route; yours by mail or before the checks ran), time first so a
        narrow header cuts the place, never the time; the stage's time spent."""
        self.sub_title = header_clock(self.session)
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
        fields not checked yet, asks first, and so does leaving "Before you go" forwards with a NOT
        ELIGIBLE verdict."""
        session = self.session
        current = session.current
        if stage_id == current.id:
            return
        # --- the leave question (permit review) ---
        moving_on = session.route.index(stage_id) > session.route.index(current.id)
        if moving_on and current.panel == "readiness" and not_eligible(session.verdict):
            self._ask_go_on(stage_id)
            return
        reviewing = current.panel == "permit_review" and session.verdict is not None
        errors = session.permit_errors() if reviewing else []
        unchecked = session.permit_unchecked() if reviewing else []
        if moving_on and (errors or unchecked):
            from tui.core.journal import PERMIT_FIELDS
            from tui.screens.confirm import ConfirmLeaveScreen

            fix = _fix_words(session.route.fix.label if session.route.fix else "a request by mail")
            labels = [dict(PERMIT_FIELDS)[key] for key in unchecked]

            async def answered(leave: bool | None) -> None:
                session.decide_leave(bool(leave), [f.id for f in errors], unchecked)
                if leave:
                    await self._move(stage_id)
                else:
                    self.notify("Stayed at the permit review. Check the rest now.", title="Decision saved")

            self.app.push_screen(ConfirmLeaveScreen(errors, fix, unchecked=labels), answered)
            return
        # --- end of the leave question ---
        await self._move(stage_id)

    def _ask_go_on(self, stage_id: str) -> None:
        """"Go on anyway?" before leaving the verdict NOT ELIGIBLE behind; the answer is recorded."""
        from tui.screens.ask import AskScreen

        session = self.session
        blocking = not_eligible(session.verdict)

        async def answered(go_on: bool | None) -> None:
            session.decide_go_on(bool(go_on), [f.id for f in blocking])
            if go_on:
                await self._move(stage_id)
            else:
                self.notify("Stayed at Before you go: read the steps under the verdict.", title="Decision saved")

        detail = (
            f"{banner_words(session)}\n\nEvery later stage shows this verdict. "
            "Press y to walk the stages anyway (to read them), n to stay."
        )
        self.app.push_screen(AskScreen("Go on anyway?", detail, yes="Go on anyway", no="Stay"), answered)

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


def _fix_words(label: str) -> str:
    """The route's fix label as words inside a sentence: 'A request by mail (…)' → 'a request…'."""
    return label[:1].lower() + label[1:]


def header_clock(session: Session) -> str:
    """'10:05 PST, Wed 2 Dec · Boundary Bay': the time where the day happens, then the place
    (the planned crossing, or the airport arriving by air); by mail, or before the checks ran,
    the time on this computer with no place."""
    now = session.now()
    verdict = session.verdict
    if verdict is not None and verdict.zone is not None:
        place = verdict.airport if verdict.airport is not None else verdict.crossing
        return f"{clock_words(verdict.local_now(now))} · {place.name}"
    return f"{clock_words(now.astimezone())} (your clock)"
