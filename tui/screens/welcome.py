"""The first screen: create a profile, import a file, try the demo, or pick a stored profile."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.footer import KeysFooter

WELCOME = (
    "flagpole walks with you through the day you flagpole: leaving Canada by land, being "
    "turned back by the US side, and having your permit issued at the CBSA office — and it "
    "checks the permit before you leave the counter.\n\n"
    "Since 24 December 2024 CBSA issues work and study permits to flagpolers only in a few "
    "cases (US citizens and permanent residents, free-trade professionals and some spouses, "
    "certain truck drivers, people with a CBSA appointment). Your profile tells the app "
    "which applies to you, and what to do instead if none does. Everything stays on this "
    "computer; nothing goes online."
)


class WelcomeScreen(Screen[None]):
    """Start here: new profile, import, demo, or one of the stored profiles (last used first)."""

    CSS_PATH = "../welcome.tcss"
    BINDINGS = [
        Binding("c", "app.new_profile", "Create profile", id="create"),
        Binding("i", "app.import_profile", "Import file", id="import"),
        Binding("d", "app.try_demo", "Try the demo", id="demo"),
    ]

    def __init__(self, stored: Sequence[str]) -> None:
        """``stored``: profile names, last used first."""
        super().__init__()
        self.stored = list(stored)

    def compose(self) -> ComposeResult:
        """Welcome text, three buttons, the stored profiles."""
        yield Header()
        with VerticalScroll(id="welcome-body"):
            yield Static("Welcome to flagpole", id="welcome-title")
            yield Static(WELCOME, id="welcome-text", markup=False)
            with Horizontal(id="welcome-buttons"):
                yield Button("Create a profile (c)", id="create", variant="primary")
                yield Button("Import a file (i)", id="import")
                yield Button("Try the demo (d)", id="demo")
            if self.stored:
                yield Static("Your profiles (Enter opens one; last used first):", classes="section-title")
                yield OptionList(*[Option(name, id=name) for name in self.stored], id="stored-profiles")
            else:
                yield Static(
                    "No profile yet. Create one (c), import a file someone shared with you (i), "
                    "or look around on an invented person first (d).",
                    classes="hint",
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        """Focus the list when there is one, else the first button."""
        self.sub_title = "welcome"
        if self.stored:
            self.query_one("#stored-profiles", OptionList).focus()
        else:
            self.query_one("#create", Button).focus()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        """Each button runs the app action of the same name (as its key does)."""
        event.stop()
        action = {"create": "new_profile", "import": "import_profile", "demo": "try_demo"}.get(event.button.id or "")
        if action:
            await self.run_action(f"app.{action}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen profile."""
        if event.option.id:
            self.app.open_profile(event.option.id)  # type: ignore[attr-defined]
