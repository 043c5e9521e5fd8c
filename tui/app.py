"""FlagpoleApp: placeholder shell until the journey issue builds the real screens."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from tui.core.clock import Clock, system_clock
from tui.core.storage import ProfileStore


class FlagpoleApp(App):
    """The flagpole app, built from its dependencies (store, clock) so tests can pass fakes."""

    TITLE = "flagpole"

    def __init__(self, store: ProfileStore, profile_name: str | None = None, clock: Clock = system_clock):
        super().__init__()
        self.store = store
        self.profile_name = profile_name
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Profile: {self.profile_name or '(none)'}")
        yield Footer()
