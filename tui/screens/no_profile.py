"""What the app shows without a profile: how to try the demo or bring your own (minimal)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

NO_PROFILE = """\
No profile is open.

Try it on an invented person (nothing of yours is touched):
    flagpole --demo

Use your own: write a profile file (the examples are in the profiles/ folder), then
    flagpole import my-profile.toml
    flagpole run my-profile
"""


class NoProfileScreen(Screen):
    """How to start; lists the stored profiles, which Enter opens."""

    def __init__(self, stored: Sequence[str]) -> None:
        """``stored``: names of the profiles in the data folder."""
        super().__init__()
        self.stored = list(stored)

    def compose(self) -> ComposeResult:
        """Header, the instructions, the stored profiles, footer."""
        yield Header()
        with VerticalScroll(id="no-profile-body"):
            yield Static(NO_PROFILE, markup=False)
            if self.stored:
                yield Static("Stored profiles (Enter opens one):", classes="section-title")
                yield OptionList(*[Option(name, id=name) for name in self.stored], id="stored-profiles")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        """A plain header."""
        self.sub_title = "no profile open"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen profile."""
        if event.option.id:
            self.app.open_profile(event.option.id)  # type: ignore[attr-defined]
