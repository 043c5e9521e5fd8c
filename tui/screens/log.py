"""The journal, in plain words: every action of the day with its time."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from tui.core.journal import describe
from tui.core.session import Session
from tui.widgets.footer import KeysFooter


class LogScreen(Screen):
    """Every journal record of the day, oldest first."""

    BINDINGS = [Binding("escape,b,f3", "app.pop_screen", "Back", key_display="b")]

    def __init__(self, session: Session) -> None:
        """The log of ``session``'s journal."""
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        """Header, the records, footer."""
        yield Header()
        with VerticalScroll(id="log-body"):
            yield Static(f"Journal: {self.session.journal.path}", classes="hint", markup=False)
            yield Static(self._lines(), id="log-lines", markup=False)
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        """Same header as the journey."""
        self.title = f"flagpole · {self.session.profile_name}"
        self.sub_title = "journey log"

    def _lines(self) -> str:
        route = self.session.route
        titles = {s.id: s.title for s in route.stages}
        items = {(s.id, c.id): c.text for s in route.stages for c in s.checklist}
        out = []
        for rec in self.session.state.records:
            try:
                at = datetime.fromisoformat(str(rec.get("at")))
                stamp = f"{at:%H:%M:%S}"
            except ValueError:
                stamp = "--:--:--"
            out.append(f"{stamp}  {describe(rec, titles, items)}")
        for problem in self.session.problems:
            out.append(f"SKIPPED  line {problem.number}: {problem.reason}")
        return "\n".join(out) or "(nothing recorded yet)"
