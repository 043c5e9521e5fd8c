"""A minimal app for testing one screen on its own."""

from __future__ import annotations

from textual.app import App


class Harness(App[None]):
    """Pushes one screen and keeps what it dismissed with."""

    def __init__(self, screen) -> None:
        super().__init__()
        self.the_screen = screen
        self.result: object = "not dismissed"

    def on_mount(self) -> None:
        self.push_screen(self.the_screen, self._dismissed)

    def _dismissed(self, result) -> None:
        self.result = result
