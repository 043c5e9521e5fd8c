"""The border history: each flagpoling day's US turn-around, as the facts that were recorded.

The same list as ``flagpole history``. The file is read in a worker thread; lines that cannot be
read are counted and said, never fatal. It records facts only and gives no legal advice. The
history is the person's: ``n`` sets the note of the entry under the cursor, ``d`` deletes it (after
asking); each change is appended to the file in a worker and the list read again.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Header, Input, Static

from tui.core.history import HISTORY_FILE, BorderHistory, History, TurnAround, UnknownEntry
from tui.widgets.footer import KeysFooter

FACTS_NOTE = (
    "These are the facts you recorded, kept even when a profile is deleted. If a form asks "
    "whether you were ever refused entry, answer truthfully; sources disagree on whether a "
    "flagpoling turn-around counts as a refusal. This app gives no legal advice."
)
"""Shown under the list: what the history is, and what it is not."""

EMPTY = (
    "No border history yet.\n\n"
    "The app records each US turn-around on the day: the date, the crossing, and what the US "
    "side handed over (a referral slip, a refusal of admission paper, or nothing in writing). "
    "A rehearsal before your plan date records nothing."
)
"""What an empty history says: how it fills."""


def unreadable_words(count: int) -> str:
    """The notice for ``count`` unreadable lines (the rest of the history is shown)."""
    lines = "1 line" if count == 1 else f"{count} lines"
    verb = "is" if count == 1 else "are"
    return (
        f"{lines} of the history file ({HISTORY_FILE} in the data folder) could not be read and "
        f"{verb} not shown. Everything else is below."
    )


class HistoryScreen(Screen[None]):
    """The turn-arounds in a table (date, crossing, what was handed over, note); Escape closes."""

    CSS_PATH = "../history.tcss"
    TITLE = "flagpole"
    SUB_TITLE = "border history"

    BINDINGS = [
        Binding("escape,b", "close", "Back", key_display="Esc", id="history-back"),
        Binding("n", "note", "Note", id="history-note"),
        Binding("d", "delete", "Delete", id="history-delete"),
    ]

    def __init__(self, home: Path, clock=None) -> None:
        """Show the history kept in the data folder ``home``; ``clock`` times notes and
        deletions (the system clock when None)."""
        super().__init__()
        self.home = Path(home)
        self.clock = clock
        self.history: History | None = None

    def compose(self) -> ComposeResult:
        """Header, the notice (when lines were unreadable), the table or the empty state, the
        facts note, footer."""
        yield Header()
        with Vertical(id="history-body"):
            yield Static("", id="history-notice", markup=False)
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
            yield Static(EMPTY, id="history-empty", markup=False)
            yield Static(FACTS_NOTE, id="history-facts", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Read the history (in a worker)."""
        self.query_one(DataTable).loading = True
        self._read()

    @work(thread=True, exclusive=True, group="history-read")
    def _read(self) -> None:
        """Read HOME/history.jsonl off the event loop."""
        try:
            history = BorderHistory(self.home).read()
        except OSError as exc:
            self.app.call_from_thread(self._failed, exc.strerror or str(exc))
            return
        self.app.call_from_thread(self._show, history)

    def _failed(self, reason: str) -> None:
        self.query_one(DataTable).loading = False
        notice = self.query_one("#history-notice", Static)
        notice.update(f"The history file could not be read: {reason}.")
        notice.add_class("-shown")

    def _show(self, history: History) -> None:
        """Fill the table, or show how the history fills when it is empty."""
        self.history = history
        table = self.query_one(DataTable)
        table.loading = False
        notice = self.query_one("#history-notice", Static)
        if history.unreadable:
            notice.update(unreadable_words(history.unreadable))
            notice.add_class("-shown")
        self.set_class(not history.entries, "-empty")
        if not history.entries:
            return
        self._fill(table, history)
        table.focus()

    def _fill(self, table: DataTable, history: History) -> None:
        """One row per turn-around; long cells wrap inside their column."""
        table.clear(columns=True)
        # From the screen's width (known from the start), not the table's (settles later): the
        # body's padding (2) and the table's scrollbar gutter (1) are what is left out.
        room = (self.size.width or 80) - 3
        padding = 2 * table.cell_padding
        crossing = min(18, max(len("Crossing"), *(len(e.crossing_name) for e in history.entries)))
        handed = 22
        note = max(12, room - (10 + crossing + handed) - 4 * padding)
        table.add_column("Date", key="day", width=10)
        table.add_column("Crossing", key="crossing", width=crossing)
        table.add_column("Handed over", key="handed", width=handed)
        table.add_column("Note", key="note", width=note)
        for number, entry in enumerate(history.entries):
            handed_over = "\n".join(entry.handed_over) or "nothing recorded"
            table.add_row(
                entry.day.isoformat(),
                Text(entry.crossing_name),
                Text(handed_over),
                Text(entry.note or "—"),
                height=None,
                key=entry.id or str(number),
            )

    def on_resize(self) -> None:
        """Re-fit the columns to the new width (once the table has its new size)."""
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self.history is not None and self.history.entries:
            self._fill(self.query_one(DataTable), self.history)

    def action_close(self) -> None:
        """Back to where the history was opened from."""
        self.dismiss(None)

    # --- notes and deletions -------------------------------------------------------------

    def selected(self) -> TurnAround | None:
        """The entry under the table's cursor (None when the history is empty or unread)."""
        if self.history is None or not self.history.entries:
            return None
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.history.find(str(key))

    def action_note(self) -> None:
        """Ask for the note of the selected entry, then save it."""
        entry = self.selected()
        if entry is None:
            self.notify("There is no entry to add a note to.", severity="warning")
            return

        def typed(text: str | None) -> None:
            if text is not None:
                self._change("note", entry.id, text)

        self.app.push_screen(NoteScreen(entry), typed)

    def action_delete(self) -> None:
        """Ask, then delete the selected entry."""
        from tui.screens.ask import AskScreen

        entry = self.selected()
        if entry is None:
            self.notify("There is no entry to delete.", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._change("delete", entry.id, "")

        self.app.push_screen(
            AskScreen(
                f"Delete the turn-around of {entry.day.isoformat()} at {entry.crossing_name}?",
                "It will no longer be listed, shown or exported. This is your history: delete an "
                "entry only when it did not happen (a practice run, a mistake).",
                yes="Delete",
                no="Keep",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="history-change")
    def _change(self, kind: str, entry_id: str, text: str) -> None:
        """Append the note or the deletion (off the event loop), then read the history again."""
        from tui.core.clock import system_clock

        history = BorderHistory(self.home)
        now = (self.clock or system_clock)()
        try:
            if kind == "delete":
                history.delete(entry_id, now)
                said = "Entry deleted from your history."
            else:
                history.note(entry_id, text, now)
                said = "Note saved." if text.strip() else "Note cleared."
        except UnknownEntry:
            said = "That entry is no longer in the history (changed elsewhere?)."
        except OSError as exc:
            self.app.call_from_thread(
                self.notify, f"The history file could not be changed: {exc.strerror or exc}.", severity="error"
            )
            return
        self.app.call_from_thread(self.notify, said, timeout=4)
        self.app.call_from_thread(self._read)


class NoteScreen(ModalScreen[str | None]):
    """Asks for an entry's note: Enter saves (empty text clears it), Escape leaves it as it was."""

    CSS_PATH = "../history.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", key_display="Esc")]

    def __init__(self, entry: TurnAround) -> None:
        """The note of ``entry``, prefilled with the note it has."""
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        """What the entry is, the text field, how to save."""
        with Vertical(id="note-box"):
            yield Static(
                f"Note for {self.entry.day.isoformat()} at {self.entry.crossing_name}", id="note-title", markup=False
            )
            yield Input(self.entry.note, placeholder="what you want to remember", id="note-input")
            yield Static("Enter saves, Esc leaves it as it was. Empty text clears the note.", id="note-help")
        yield KeysFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: save what was typed."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Escape: change nothing."""
        self.dismiss(None)
