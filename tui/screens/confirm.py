"""The question asked when leaving the permit review with an error standing."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.core.findings import Finding


class ConfirmLeaveScreen(ModalScreen[bool]):
    """"Leave without a correction?": dismisses with True to leave, False to stay."""

    BINDINGS = [
        Binding("s,escape,f5", "stay", "Stay and ask", key_display="s"),
        Binding("l,f6", "leave", "Leave anyway", key_display="l"),
    ]

    def __init__(self, errors: Sequence[Finding], fix_route: str, unchecked: Sequence[str] = ()) -> None:
        """Ask about the ``errors`` standing and the permit fields not checked yet (their
        labels, ``unchecked``); ``fix_route`` names the later fix."""
        super().__init__()
        self.errors = list(errors)
        self.fix_route = fix_route
        self.unchecked = list(unchecked)

    def compose(self) -> ComposeResult:
        """The question, the errors, the cost of leaving, and two buttons."""
        with Vertical(id="confirm-box"):
            title = "Leave without a correction?" if self.errors else "Leave without checking every field?"
            yield Static(title, id="confirm-title", markup=False)
            lines = [f"ERROR    {f.message}" for f in self.errors]
            if self.unchecked:
                lines.append(f"TO DO    Not checked yet: {', '.join(self.unchecked)}.")
            yield Static("\n".join(lines), id="confirm-errors", markup=False)
            yield Static(
                "You are still at the counter: now is the time to ask. After you leave, the only "
                f"fix is {self.fix_route}.",
                id="confirm-cost",
                markup=False,
            )
            with Horizontal(id="confirm-buttons"):
                yield Button("Stay and ask (s)", id="stay", variant="primary")
                yield Button("Leave anyway (l)", id="leave", variant="error")

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button."""
        self.dismiss(event.button.id == "leave")

    def action_stay(self) -> None:
        """Stay at the counter."""
        self.dismiss(False)

    def action_leave(self) -> None:
        """Leave with the error standing."""
        self.dismiss(True)
