"""Import and export in the app: the same validation and the same messages as the CLI."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Header, Input, Static

from tui.core.storage import ProfileStore
from tui.widgets.footer import KeysFooter
from tui.widgets.marked_checkbox import MarkedCheckbox


class ImportScreen(Screen[str | None]):
    """Validate a profile file and store it; dismisses with the stored name, or None."""

    CSS_PATH = "../transfer.tcss"
    BINDINGS = [
        Binding("f7", "import_file", "Import", key_display="F7", id="import"),
        Binding("escape", "cancel", "Back", id="back"),
    ]

    def __init__(self, store: ProfileStore, path: str = "") -> None:
        """Import into ``store``; ``path`` prefills the file field."""
        super().__init__()
        self.store = store
        self.initial_path = path

    def compose(self) -> ComposeResult:
        """The file, the name, replace?, the button and the outcome."""
        yield Header()
        with Vertical(classes="transfer-body"):
            yield Static("Import a profile file", classes="section-title")
            yield Static(
                "The file is checked exactly as 'flagpole import' checks it; if it is not a "
                "valid profile, nothing stored changes.",
                classes="hint",
            )
            with Horizontal(classes="transfer-row"):
                yield Static("File", classes="transfer-label")
                yield Input(self.initial_path, id="import-path", placeholder="~/Downloads/me.toml", compact=True)
            with Horizontal(classes="transfer-row"):
                yield Static("Store as", classes="transfer-label")
                yield Input(id="import-name", placeholder="(the file's name)", compact=True)
            yield MarkedCheckbox("Replace a stored profile of that name (the previous version is kept)", id="import-force")
            yield Button("Import (F7)", id="import-go", variant="primary")
            yield Static("", id="import-outcome", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Start in the file field."""
        self.sub_title = "import"
        self.query_one("#import-path", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The Import button."""
        event.stop()
        self.action_import_file()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter in a field imports."""
        self.action_import_file()

    def action_import_file(self) -> None:
        """Validate and store the file (in a worker)."""
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self._outcome("Type the path of a profile file first.", error=True)
            return
        name = self.query_one("#import-name", Input).value.strip() or None
        force = self.query_one("#import-force", Checkbox).value
        self._outcome("Checking…", error=False)
        self._import(path, name, force)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: str, name: str | None, force: bool) -> None:
        from tui.core.errors import FlagpoleError
        from tui.core.transfer import ProfileExists, import_profile

        try:
            stored = import_profile(self.store, Path(path), name, force=force)
        except ProfileExists as exc:
            message = ProfileExists(exc.name, "tick 'Replace' to replace it", "another name").message
            self.app.call_from_thread(self._outcome, message, True)
            return
        except FlagpoleError as exc:
            self.app.call_from_thread(self._outcome, f"Not imported. {exc}", True)
            return
        except OSError as exc:
            words = f"Not imported: {exc.strerror or exc}. Nothing stored changed."
            self.app.call_from_thread(self._outcome, words, True)
            return
        self.app.call_from_thread(self._done, stored)

    def _outcome(self, text: str, error: bool) -> None:
        outcome = self.query_one("#import-outcome", Static)
        outcome.update(("FIX: " if error else "") + text)
        outcome.set_class(error, "-error")

    def _done(self, name: str) -> None:
        self.notify(f"Imported as {name!r}.", timeout=3)
        self.dismiss(name)

    def action_cancel(self) -> None:
        """Back without importing."""
        self.dismiss(None)


class ExportScreen(Screen[None]):
    """Write a stored profile as TOML, optionally with the identifying numbers masked."""

    CSS_PATH = "../transfer.tcss"
    BINDINGS = [
        Binding("f7", "export_file", "Export", key_display="F7", id="export"),
        Binding("escape", "cancel", "Back", id="back"),
    ]

    def __init__(self, store: ProfileStore, name: str, default_folder: Path | None = None) -> None:
        """Export stored profile ``name``; the file field starts in ``default_folder`` (home)."""
        super().__init__()
        self.store = store
        self.profile_name = name
        folder = default_folder if default_folder is not None else Path.home()
        self.default_path = str(folder / f"{name}-profile.toml")

    def compose(self) -> ComposeResult:
        """The file, redact?, the button and the outcome."""
        yield Header()
        with Vertical(classes="transfer-body"):
            yield Static(f"Export the profile {self.profile_name!r}", classes="section-title", markup=False)
            yield Static(
                "Writes the profile as TOML, the same as 'flagpole export'. Replacing an "
                "existing file asks first; no copy of it is kept.",
                classes="hint",
            )
            with Horizontal(classes="transfer-row"):
                yield Static("To file", classes="transfer-label")
                yield Input(self.default_path, id="export-path", compact=True)
            yield MarkedCheckbox(
                "Mask the passport, insurance policy and IME numbers (for sharing)",
                value=True,
                id="export-redact",
            )
            yield Button("Export (F7)", id="export-go", variant="primary")
            yield Static("", id="export-outcome", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Start in the file field."""
        self.sub_title = "export"
        self.query_one("#export-path", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The Export button."""
        event.stop()
        self.action_export_file()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter in the file field exports."""
        self.action_export_file()

    def action_export_file(self) -> None:
        """Write the file (in a worker)."""
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self._outcome("Type the path of the file to write first.", error=True)
            return
        self._export(path, self.query_one("#export-redact", Checkbox).value, False)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, path: str, redact: bool, force: bool) -> None:
        from tui.core.errors import FlagpoleError
        from tui.core.storage import FileExists
        from tui.core.transfer import export_profile

        try:
            out = export_profile(self.store, self.profile_name, Path(path), redact=redact, force=force)
        except FileExists as exc:
            self.app.call_from_thread(self._ask_replace, exc.path, redact)
            return
        except FlagpoleError as exc:
            self.app.call_from_thread(self._outcome, f"Not exported. {exc}", True)
            return
        masked = " with the numbers masked" if redact else " (numbers NOT masked: keep it private)"
        self.app.call_from_thread(self._outcome, f"Wrote {out}{masked}.", False)

    def _ask_replace(self, path: Path, redact: bool) -> None:
        from tui.screens.ask import AskScreen

        def answered(replace: bool | None) -> None:
            if replace:
                self._export(str(path), redact, True)
            else:
                self._outcome(f"Not exported: {path} is kept as it was.", True)

        self.app.push_screen(
            AskScreen(
                "Replace the existing file?",
                f"{path} already exists. Replacing it keeps no copy of it.",
                yes="Replace",
                no="Keep it",
            ),
            answered,
        )

    def _outcome(self, text: str, error: bool) -> None:
        outcome = self.query_one("#export-outcome", Static)
        outcome.update(("FIX: " if error else "Done: ") + text)
        outcome.set_class(error, "-error")

    def action_cancel(self) -> None:
        """Back."""
        self.dismiss(None)
