"""A yes/no question in a modal: "Leave without saving?" and the like."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class AskScreen(ModalScreen[bool]):
    """Asks ``question``; dismisses True for ``yes``, False for ``no`` (the safe, focused answer)."""

    CSS_PATH = "../ask.tcss"
    BINDINGS = [
        Binding("n,escape", "answer(False)", "No", key_display="n"),
        Binding("y", "answer(True)", "Yes", key_display="y"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        """``yes``/``no`` label the buttons (the keys stay y and n)."""
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        """The question, the detail and two buttons."""
        with Vertical(id="ask-box"):
            yield Static(self.question, id="ask-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="ask-detail", markup=False)
            with Horizontal(id="ask-buttons"):
                yield Button(f"{self.no} (n)", id="no", variant="primary")
                yield Button(f"{self.yes} (y)", id="yes", variant="warning")

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button."""
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer with a key."""
        self.dismiss(yes)
